package org.infomorph.distributed.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;

/**
 * Everything that determines a goal search, stored as {@code search.json} in its folder. A search
 * resumes only with the same settings; the budget alone may grow (the record is a prefix of the
 * longer search).
 *
 * @param network    the start network (infomorph-network/1 JSON); its goal for {@code layer} is the start point
 * @param arch       the architecture (infomorph-arch/1 JSON), null at level paper
 * @param sparsity   weight of the sparsity penalty: objective = accuracy - sparsity · sum |gamma_i|
 * @param bound      every gamma_i stays in [-bound, bound]
 */
public record SearchSettings(String format, String network, String layer, String dataset, String level, String arch, int epochs, long seed,
        int population, double sigma, double bound, double sparsity, Metric metric, int budget) {
    public static final String FORMAT = "infomorph-goal-search/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first setting (other than the budget) in which {@code stored} differs from this one, or null. */
    public String firstDifference(SearchSettings stored) {
        ObjectNode mine = JSON.valueToTree(this), theirs = JSON.valueToTree(stored);
        for (Iterator<String> it = mine.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (k.equals("budget")) continue;
            if (!Objects.equals(normal(mine.get(k)), normal(theirs.get(k)))) return k;
        }
        return null;
    }

    /** JSON texts compare by content (key order and spacing aside). */
    private static JsonNode normal(JsonNode n) {
        if (n != null && n.isTextual() && n.asText().startsWith("{")) {
            try {
                return JSON.readTree(n.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return n;
            }
        }
        return n;
    }
}
