package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Random;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.arch.LayerConstants;
import org.infomorph.compiler.arch.Luts;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.fixed.Log2Unit;
import org.infomorph.compiler.network.Goals;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.pid.DensePmf;
import org.infomorph.compiler.pid.PidEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The integer coefficient table and PID atoms against the float engine on the same histograms. */
class FixedTableVsFloatTest {
    static LayerSpec layer(int sources, String goal) {
        LayerSpec l = NetworkJson.read(Path.of(sources == 2 ? "../examples/synthetic-context.json" : "../examples/context-lateral.json")).layers().get(0);
        return new LayerSpec(l.name(), l.neurons(), l.sources(), l.activation(), Goals.named(goal), l.binning(), l.outputValues(), l.optimizer(), l.bias());
    }

    /** A finer variant: 20-bit log2 fraction, 16-bit Q fraction, table with 12 fraction bits. */
    static ArchConfig fine() {
        Numerics d = Numerics.defaults();
        return ArchConfig.defaults().withLuts(new Luts(256, 3, 256)).withNumerics(new Numerics(d.input(), d.weightBits(), d.weightHeadroomBits(),
                d.biasBits(), d.accumulatorBits(), d.activation(), d.theta(), d.slope(), d.count(), d.softSum(),
                Field.signed(28, 20), Field.unsigned(20, 18), Field.signed(24, 16), Field.signed(24, 12), d.error(), d.gradientBits()));
    }

    static double[] pmf(int[] counts, int[] soft, int thetaFrac) {
        double[] p = new double[counts.length * 2];
        for (int c = 0; c < counts.length; c++) {
            p[2 * c + 1] = soft[c];
            p[2 * c] = ((long) counts[c] << thetaFrac) - soft[c];
        }
        return p;
    }

    static double maxTableError(ArchConfig arch, int sources, int bins, String goal, long seed) {
        LayerSpec spec = layer(sources, goal);
        ArchTables t = ArchTables.of(arch);
        Log2Unit log2 = new Log2Unit(arch.numerics().log2().frac(), t.log2Mantissa());
        CoefficientTable table = new CoefficientTable(arch, new SourceCells(sources, bins), LayerConstants.of(arch, spec), log2);
        int tf = arch.numerics().theta().frac();
        Random rnd = new Random(seed);
        double worst = 0;
        for (int trial = 0; trial < 5; trial++) {
            int cells = (int) Math.pow(bins, sources);
            int[] counts = new int[cells], soft = new int[cells];
            for (int c = 0; c < cells; c++) {
                counts[c] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(30);
                soft[c] = counts[c] == 0 ? 0 : rnd.nextInt(counts[c] * ((1 << tf) - 1)) + 1;
            }
            int[] out = new int[cells];
            table.compute(counts, soft, 0, out, 0, new SaturationCounters());
            int[] binsArr = new int[sources];
            java.util.Arrays.fill(binsArr, bins);
            double[] dg = PidEngine.deltaG(new DensePmf(binsArr, 2, pmf(counts, soft, tf)), spec.goal().gamma());
            for (int c = 0; c < cells; c++) worst = Math.max(worst, Math.abs(out[c] * arch.numerics().table().lsb() - dg[c]));
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({"2,8,context/naive", "2,8,output", "2,8,context/opt_1_100", "3,4,context_lateral/opt_1_100_tpe", "3,8,context_lateral/opt_1_100_tpe", "3,4,context_lateral/naive"})
    void tableAgreesWithFloatEngine(int sources, int bins, String goal) {
        double def = maxTableError(ArchConfig.defaults(), sources, bins, goal, 11);
        double fine = maxTableError(fine(), sources, bins, goal, 11);
        System.out.printf("table %d sources %d bins %s: max |dg error| default %.5f, fine %.6f%n", sources, bins, goal, def, fine);
        // default: table LSB 2^-8, log LUT error < 1e-3 bit per log, Q floor 2^-14 summed over up to ~3*8^2 cells
        assertTrue(def < 0.02, "default widths: " + def);
        assertTrue(fine < 0.002, "fine widths: " + fine);
    }

    static double[] bitsOf(long[] a, int frac) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = Math.scalb((double) a[i], -frac);
        return d;
    }

    @Test
    void atomsAgreeOnGoldenGates() throws Exception {
        JsonNode cases = new ObjectMapper().readTree(Path.of(System.getProperty("infomorph.shared", "../../shared"), "testdata/pid-golden.json").toFile()).get("cases");
        ArchConfig arch = ArchConfig.defaults();
        int lf = arch.numerics().log2().frac(), tf = arch.numerics().theta().frac();
        Log2Unit log2 = new Log2Unit(lf, ArchTables.of(arch).log2Mantissa());
        double sum = 0;
        int n = 0;
        for (String name : new String[] {"xor", "and", "unq", "rnd", "trihash", "trirnd"}) {
            JsonNode c = cases.get(name);
            int sources = c.get("n_sources").asInt();
            int cells = 1 << sources;
            int[] counts = new int[cells], soft = new int[cells];
            for (JsonNode o : c.get("outcomes")) {
                int cell = 0;
                for (JsonNode s : o.get("sources")) cell = cell * 2 + s.asInt();
                int k = (int) Math.round(o.get("p").asDouble() * 1024);
                counts[cell] += k;
                if (o.get("target").asInt() == 1) soft[cell] += k << tf;
            }
            long[] atoms = new FixedPid(sources, 2, LatticeTables.of(sources), log2, tf).atoms(counts, soft, 0);
            double[] got = bitsOf(atoms, lf);
            JsonNode exp = c.get("atoms");
            for (int i = 0; i < exp.size(); i++) {
                sum += Math.abs(got[i] - exp.get(i).asDouble());
                n++;
            }
            assertTrue(Math.abs(got[exp.size()] - c.get("H_res").asDouble()) < 0.01, name + " H_res");
        }
        System.out.println("golden gates: mean |atom error| " + sum / n + " bit");
        assertTrue(sum / n < 0.01, "mean atom error " + sum / n);
    }

    @ParameterizedTest
    @CsvSource({"2,8", "3,4"})
    void atomsAgreeOnRandomHistograms(int sources, int bins) {
        ArchConfig arch = ArchConfig.defaults();
        int lf = arch.numerics().log2().frac(), tf = arch.numerics().theta().frac();
        Log2Unit log2 = new Log2Unit(lf, ArchTables.of(arch).log2Mantissa());
        Random rnd = new Random(3);
        double sum = 0;
        int n = 0;
        for (int trial = 0; trial < 5; trial++) {
            int cells = (int) Math.pow(bins, sources);
            int[] counts = new int[cells], soft = new int[cells];
            for (int c = 0; c < cells; c++) {
                counts[c] = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(30);
                soft[c] = counts[c] == 0 ? 0 : rnd.nextInt(counts[c] * ((1 << tf) - 1)) + 1;
            }
            double[] got = bitsOf(new FixedPid(sources, bins, LatticeTables.of(sources), log2, tf).atoms(counts, soft, 0), lf);
            int[] binsArr = new int[sources];
            java.util.Arrays.fill(binsArr, bins);
            double[] p = pmf(counts, soft, tf);
            double total = java.util.Arrays.stream(p).sum();
            for (int i = 0; i < p.length; i++) p[i] /= total;
            double[] exp = PidEngine.decompose(new DensePmf(binsArr, 2, p)).info();
            for (int i = 0; i < exp.length; i++) {
                sum += Math.abs(got[i] - exp[i]);
                n++;
            }
        }
        System.out.println("random " + sources + "x" + bins + ": mean |atom error| " + sum / n + " bit");
        assertTrue(sum / n < 0.01, "mean atom error " + sum / n);
    }
}
