package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Image;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.sim.VerilatorDevice;

/** The demo's L3 step: an image on the RTL in Verilator, in lockstep with L2 (on-chip learning, then test batches). */
record RtlStage(int units, Lockstep.Result result, String report) {
    /** Where the demo writes the waveform of a mismatch; checked before the demo starts ({@link #checkWaveform}). */
    static final Path WAVEFORM = Path.of("demo-mismatch.vcd");

    static void checkWaveform() {
        SafeOutput.checkFile("demo waveform", WAVEFORM, java.util.List.of(), "a waveform (VCD)", VerifyCommand.VCD_MAGIC);
    }

    static RtlStage run(Image image, DatasetSplit split, int learnBatches, int inferBatches, PrintWriter o) {
        int units = Images.compilation(image).mapping().units();
        o.printf("%nL3 (rtl): the quantised image on the Chisel RTL (%d LLUs) in Verilator, in lockstep with L2: %d learning batch(es), then %d test batch(es)%n",
                units, learnBatches, inferBatches);
        o.flush();
        List<Lockstep.Step> steps = Lockstep.steps(image, split, new Lockstep.Plan(learnBatches, inferBatches, SpikeRule.DETERMINISTIC, image.seed()));
        Lockstep.Result r;
        Path tmp = SafeOutput.temporaryFile("demo waveform", WAVEFORM);
        try {
            int samples = steps.stream().mapToInt(s -> s.input().batch()).sum();
            try (VerilatorDevice rtl = new VerilatorDevice(units); Progress p = Progress.start("L3 lockstep", samples)) {
                var step = p.stepper();
                r = Lockstep.run(image, steps, SpikeRule.DETERMINISTIC, rtl, () -> new VerilatorDevice(units, -1, true), tmp,
                        (b, d) -> step.accept(steps.get(Math.min(b, steps.size()) - 1).input().batch()));
            }
            if (r.waveform() != null) {
                SafeOutput.moveIntoPlace(tmp, WAVEFORM);
                r = r.withWaveform(WAVEFORM);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover hidden temporary file is harmless
            }
        }
        StringWriter sw = new StringWriter();
        VerifyReport.print(new PrintWriter(sw, true), image, units, "L3", r, false);
        o.print(sw.toString().indent(2));
        return new RtlStage(units, r, sw.toString());
    }

    void print(PrintWriter o) {
        var d = result.diff();
        o.printf("ladder level L3 (rtl), %d LLUs in Verilator, lockstep with L2 on %,d samples: %d mismatches in %,d compared values%n", units,
                result.samples(), d.mismatches(), d.compared());
    }
}
