package org.infomorph.compiler.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.infomorph.compiler.rtl.GeneratorParams;

/**
 * The logic model of {@code fit}, calibrated against yosys: per FPGA family and figure (lut, ff,
 * lutram) a linear function of the {@link LogicFeature}s of a generator configuration, fitted by
 * ordinary least squares (Commons Math) to synthesis measurements.
 *
 * <p>Stored as {@value #RESOURCE} beside this class; {@code infomorph calibrate logic} measures
 * and writes it (docs/synthesis.md).
 *
 * @param tools     the yosys version and commands that were measured
 * @param generator the generator version that was measured
 * @param families  per family id
 */
public record LogicCalibration(String tools, String generator, Map<String, FamilyModel> families) {
    public static final String FORMAT = "infomorph-logic-calibration/1";
    public static final String RESOURCE = "logic-calibration.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The figures the calibration fits: logic LUTs, flip-flops, LUT RAM and, on iCE40, the logic
     * cells nextpnr packs the array's pin shell into ("lc"). DSPs and memory blocks
     * are not fitted: {@link LogicModel#dsps} and {@link Allocator} (yosys's own block mapping)
     * give them exactly, and the measurements check them.
     */
    public static final java.util.Set<String> FITTED = java.util.Set.of("lut", "ff", "lutram", "lc");

    /** @param configurations how many configurations the fit saw */
    public record FamilyModel(int configurations, Map<String, Linear> figures) {}

    /**
     * figure = intercept + sum of coefficient x feature.
     *
     * @param coefficients by {@link LogicFeature#id}; features the fit dropped are absent
     * @param maxResidual  the largest |measured - fitted| over the configurations
     */
    public record Linear(double intercept, Map<String, Double> coefficients, double maxResidual) {
        public double predict(GeneratorParams p) {
            double y = intercept;
            for (var e : coefficients.entrySet()) y += e.getValue() * LogicFeature.byId(e.getKey()).of(p);
            return y;
        }
    }

    /** One synthesised configuration: its features and its measured figures. */
    public record Measurement(GeneratorParams params, Map<String, Double> figures) {}

    /** Predicted figures of {@code p} on family {@code f}, if the family is calibrated. */
    public Optional<Map<String, Double>> predict(FpgaFamily f, GeneratorParams p) {
        FamilyModel m = families.get(f.id);
        if (m == null) return Optional.empty();
        Map<String, Double> out = new LinkedHashMap<>();
        m.figures().forEach((k, lin) -> {
            out.put(k, Math.max(0, lin.predict(p)));
        });
        return Optional.of(out);
    }

    /**
     * Fits every figure of a family's measurements. Features are taken in {@link LogicFeature}
     * order and kept only when they raise the rank of the design matrix (a feature constant over
     * the configurations, or a linear combination of earlier ones, says nothing), and at most as
     * many as the configurations allow.
     */
    public static FamilyModel fit(List<Measurement> rows) {
        if (rows.isEmpty()) throw new IllegalArgumentException("no measurements to fit");
        List<LogicFeature> used = new ArrayList<>();
        for (LogicFeature f : LogicFeature.values()) {
            List<LogicFeature> trial = new ArrayList<>(used);
            trial.add(f);
            if (trial.size() + 1 > rows.size()) break;
            if (rank(rows, trial) == trial.size() + 1) used = trial;
        }
        Map<String, Linear> figures = new TreeMap<>();
        for (String figure : new java.util.TreeSet<>(rows.get(0).figures().keySet()))
            if (FITTED.contains(figure)) figures.put(figure, fit(rows, used, figure));
        return new FamilyModel(rows.size(), figures);
    }

    private static int rank(List<Measurement> rows, List<LogicFeature> features) {
        double[][] x = new double[rows.size()][features.size() + 1];
        for (int i = 0; i < rows.size(); i++) {
            x[i][0] = 1;
            for (int j = 0; j < features.size(); j++) x[i][j + 1] = features.get(j).of(rows.get(i).params());
        }
        // scale columns so that widths in the thousands do not hide a rank
        for (int j = 0; j <= features.size(); j++) {
            double max = 0;
            for (double[] r : x) max = Math.max(max, Math.abs(r[j]));
            if (max > 0) for (double[] r : x) r[j] /= max;
        }
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(x)).getSingularValues();
        int rank = 0;
        for (double v : sv) if (v > 1e-9 * sv[0]) rank++;
        return rank;
    }

    static Linear fit(List<Measurement> rows, List<LogicFeature> features, String figure) {
        double[] y = rows.stream().mapToDouble(r -> r.figures().getOrDefault(figure, 0.0)).toArray();
        double intercept;
        Map<String, Double> coef = new LinkedHashMap<>();
        if (features.isEmpty()) {
            intercept = java.util.Arrays.stream(y).average().orElse(0);
        } else {
            double[][] x = new double[rows.size()][features.size()];
            for (int i = 0; i < rows.size(); i++) for (int j = 0; j < features.size(); j++) x[i][j] = features.get(j).of(rows.get(i).params());
            OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(0);
            ols.newSampleData(y, x);
            double[] b = ols.estimateRegressionParameters();
            intercept = b[0];
            for (int j = 0; j < features.size(); j++) coef.put(features.get(j).id, b[j + 1]);
        }
        Linear lin = new Linear(intercept, coef, 0);
        double worst = 0;
        for (int i = 0; i < rows.size(); i++) worst = Math.max(worst, Math.abs(y[i] - lin.predict(rows.get(i).params())));
        return new Linear(intercept, coef, worst);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("tools", tools).put("generator", generator);
        root.set("features", JSON.valueToTree(LogicFeature.ids()));
        ObjectNode fams = root.putObject("families");
        families.forEach((id, m) -> {
            ObjectNode f = fams.putObject(id);
            f.put("configurations", m.configurations());
            ObjectNode figs = f.putObject("figures");
            m.figures().forEach((k, lin) -> {
                ObjectNode l = figs.putObject(k);
                l.put("intercept", lin.intercept());
                l.set("coefficients", JSON.valueToTree(lin.coefficients()));
                l.put("maxResidual", lin.maxResidual());
            });
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LogicCalibration parse(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            if (!FORMAT.equals(root.path("format").asText())) throw new IllegalArgumentException("format must be " + FORMAT);
            Map<String, FamilyModel> fams = new TreeMap<>();
            root.path("families").fields().forEachRemaining(fe -> {
                Map<String, Linear> figs = new TreeMap<>();
                fe.getValue().path("figures").fields().forEachRemaining(ge -> {
                    Map<String, Double> coef = new LinkedHashMap<>();
                    ge.getValue().path("coefficients").fields().forEachRemaining(ce -> coef.put(LogicFeature.byId(ce.getKey()).id, ce.getValue().asDouble()));
                    figs.put(ge.getKey(), new Linear(ge.getValue().path("intercept").asDouble(), coef, ge.getValue().path("maxResidual").asDouble()));
                });
                fams.put(fe.getKey(), new FamilyModel(fe.getValue().path("configurations").asInt(), figs));
            });
            return new LogicCalibration(root.path("tools").asText(), root.path("generator").asText(), fams);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a logic calibration: " + e.getMessage(), e);
        }
    }

    /** The stored calibration on the class path, if there is one. */
    public static Optional<LogicCalibration> stored() {
        try (InputStream in = LogicCalibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return Optional.empty();
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
