package org.infomorph.compiler.rtl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import org.infomorph.compiler.network.NetworkStore;

/**
 * The canonical text of the generator's and the board's parameter files (keys sorted, indented,
 * one trailing newline) and the hash that names their builds and caches.
 */
final class CanonicalJson {
    private CanonicalJson() {}

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static String text(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical text, first 16 hex digits. */
    static String hash(JsonNode tree) {
        return NetworkStore.sha256(text(tree).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
