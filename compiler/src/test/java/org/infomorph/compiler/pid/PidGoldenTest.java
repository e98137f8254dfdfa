package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of pid-golden.json, read through {@link PmfFile} and decomposed by {@link PidEngine}. */
class PidGoldenTest {

    static Stream<Arguments> cases() {
        JsonNode cases = Golden.read("pid-golden.json").get("cases");
        List<Arguments> out = new ArrayList<>();
        for (var it = cases.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(Arguments.of(e.getKey(), e.getValue()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void atomsAndResidualEntropy(String name, JsonNode gate) {
        DensePmf pmf = PmfFile.parse("pid-golden.json#" + name, gate);
        PidDecomposition d = PidEngine.decompose(pmf);
        assertArrayEquals(Golden.doubles(gate.get("atoms")), d.atoms(), 1e-9, name + " atoms");
        assertEquals(gate.get("H_res").asDouble(), d.hRes(), 1e-9, name + " H_res");
        double sum = 0;
        for (double a : d.atoms()) sum += a;
        assertEquals(d.entropyY(), sum + d.hRes(), 1e-12, "atoms + H_res = H(Y)");
    }
}
