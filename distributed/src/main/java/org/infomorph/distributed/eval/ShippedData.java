package org.infomorph.distributed.eval;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;

/**
 * The data sets of a job, loaded once on the driver and broadcast to the executors, so a worker
 * needs neither the data cache nor npm. Keys are data set names, and {@code NAME/validation} for
 * the carve of {@link ValidationSplit}.
 */
public record ShippedData(Map<String, Part> parts) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ShippedData {
        parts = Map.copyOf(parts);
    }

    /** One split's arrays (the records of the compiler are not serialisable; their arrays are). */
    public record Part(String name, Half train, Half test) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public record Half(String name, int features, int classes, double[] x, int[] y) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Half of(Dataset d) {
            return new Half(d.name(), d.features(), d.classes(), d.x(), d.y());
        }

        Dataset dataset() {
            return new Dataset(name, features, classes, x, y);
        }
    }

    public static ShippedData of(Map<String, DatasetSplit> splits) {
        Map<String, Part> p = new LinkedHashMap<>();
        splits.forEach((k, s) -> p.put(k, new Part(s.name(), Half.of(s.train()), Half.of(s.test()))));
        return new ShippedData(p);
    }

    public DatasetSplit get(String key) {
        Part p = parts.get(key);
        if (p == null) throw new IllegalStateException("no shipped data '" + key + "' (have " + parts.keySet() + ")");
        return new DatasetSplit(p.name(), p.train().dataset(), p.test().dataset());
    }

    /** The data of {@code name} under its own name and, if {@code validation}, under {@code name/validation} too. */
    public static void add(Map<String, DatasetSplit> into, DatasetSplit split, boolean test, boolean validation) {
        if (test) into.put(split.name(), split);
        if (validation) into.put(split.name() + "/validation", ValidationSplit.carve(split));
        if (!test && !validation) throw new InvalidInputException("nothing to ship for " + split.name());
    }
}
