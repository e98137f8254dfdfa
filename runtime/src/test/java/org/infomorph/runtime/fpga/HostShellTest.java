package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chisel pin shell place and route reads: the array inside, eight pins outside. */
class HostShellTest {
    @Test
    void theShellHasEightPinsAndTheArrayInside(@TempDir Path dir) throws Exception {
        SynthInputs.Rtl rtl = SynthInputs.shell(CalibrationConfigs.of(CalibrationConfigs.RECIPES.get(1), FpgaFamily.ICE40), dir);
        String sv = Files.readString(rtl.file());
        Matcher m = Pattern.compile("module " + SynthInputs.SHELL_TOP + "\\(([^;]*)\\);").matcher(sv);
        assertTrue(m.find(), "no module " + SynthInputs.SHELL_TOP);
        List<String> ports = Pattern.compile("[,\\s]+").splitAsStream(m.group(1).replaceAll("(input|output|\\[[^]]*\\])", " ")).filter(s -> !s.isBlank())
                .toList();
        assertEquals(List.of("clock", "reset", "io_sin", "io_shift", "io_go", "io_ready", "io_rvalid", "io_sout"), ports);
        assertTrue(sv.contains("module " + SynthInputs.top() + "(") && sv.contains(SynthInputs.top() + " core ("), "the array is inside the shell");
        assertEquals(100, SynthInputs.SHELL_FLIP_FLOPS);
    }
}
