package org.infomorph.compiler.pid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the shared golden files in place (never copied into the repository). */
final class Golden {
    private Golden() {}

    static Path path(String name) {
        String shared = System.getProperty("infomorph.shared");
        if (shared == null) throw new IllegalStateException("system property infomorph.shared is not set (run via Maven)");
        return Path.of(shared, "testdata", name);
    }

    static JsonNode read(String name) {
        try {
            return new ObjectMapper().readTree(path(name).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read golden file " + name, e);
        }
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }
}
