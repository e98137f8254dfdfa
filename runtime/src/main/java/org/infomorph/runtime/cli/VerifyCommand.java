package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.network.NetworkLimits;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.VerifySummary;
import org.infomorph.runtime.sim.VerilatorDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Lockstep check: run IMAGE on the bit-exact model (L2) and on the RTL in Verilator (L3) or a board (L4, --device) side by side.",
                "Compares spikes and output thetas per sample and the complete state after every batch; on the first mismatch",
                "it names the sample, unit, neuron and field and writes a VCD window for GTKWave. Exit 0 only with no mismatch."})
final class VerifyCommand implements Callable<Integer> {
    /** What a VCD file starts with (Verilator writes "$version ..."): a file verify may replace. */
    static final String VCD_MAGIC = "$";

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE",
            description = "an image directory (quantize/compile), a trained-network directory (quantised here) or a network file (fresh weights)")
    Path image;

    @Mixin DataOptions data;

    @Mixin ArchOptions arch;

    @Mixin DeviceOptions device;

    @Option(names = "--batches", paramLabel = "N", description = "inference batches of the test split (1.." + Integer.MAX_VALUE + "; default: all)")
    Integer batches;

    @Option(names = "--learn", paramLabel = "N", defaultValue = "0", description = "on-chip learning batches before the inference (0.." + NetworkLimits.MAX_EPOCHS + "; default: ${DEFAULT-VALUE})")
    int learn;

    @Option(names = "--stochastic", description = "stochastic spikes in inference (default: deterministic)")
    boolean stochastic;

    @Option(names = "--units", paramLabel = "P", description = "LLUs, 1..255 (default: the compiled image's, or the verilator target's choice)")
    Integer units;

    @Option(names = "--waveform", paramLabel = "FILE.vcd", defaultValue = "verify-mismatch.vcd",
            description = "VCD of the first mismatch; an existing file is replaced only if it is a VCD (default: ${DEFAULT-VALUE})")
    Path waveform;

    @Option(names = "--seed", paramLabel = "S", description = "seed (any 64-bit integer; default: the image's)")
    Long seed;

    @Option(names = "--report", paramLabel = "DIR", description = "also write the report (index.html) into DIR: new, empty or an earlier report")
    Path report;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (format " + VerifySummary.FORMAT + ", docs/report.md)")
    Path json;

    @Option(names = "--fault", paramLabel = "RUN", hidden = true, defaultValue = "-1", description = "test only: RTL flips a spike at this RUN")
    int fault;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--batches", batches, 1, Integer.MAX_VALUE);
        OptionChecks.range("--learn", learn, 0, NetworkLimits.MAX_EPOCHS);
        OptionChecks.range("--units", units, 1, 255);
        List<Path> inputs = Arrays.asList(image, arch.file, data.cacheDir());
        Path vcd = SafeOutput.checkFile("--waveform", waveform, inputs, "a waveform (VCD)", VCD_MAGIC);
        if (report != null) SafeOutput.check("--report", report, SafeOutput.Kind.REPORT, false, inputs);
        JsonSummary.check("--json", json, inputs);
        Images.Resolved resolved = Images.resolve(image, arch.load(), seed);
        Image img = resolved.image();
        MemoryBudget.requireFixed(img.network(), img.arch(), image.toString());
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(img.network(), split, image);
        GeneratorParams design = device.boardDesign(img, units);
        int p = design != null ? design.units() : Images.rtlUnits(units != null ? units : Images.units(resolved), units != null ? "--units" : image.toString());
        RtlLayout.of(img, p); // a network the RTL cannot address is one clear line before any build
        SpikeRule rule = stochastic ? SpikeRule.STOCHASTIC : SpikeRule.DETERMINISTIC;
        Lockstep.Plan plan = new Lockstep.Plan(learn, batches == null ? Integer.MAX_VALUE : batches, rule, img.seed());
        List<Lockstep.Step> steps = Lockstep.steps(img, split, plan);
        o.printf("verify %s: %s on %d units (%s, %s), %d learning + %d inference batches (%s spikes), batch %d%n", image, img.network().name(), p,
                device.level(), device.device,
                Math.min(learn, steps.size()), steps.stream().filter(s -> !s.learn()).count(), rule.toString().toLowerCase(java.util.Locale.ROOT),
                img.arch().learning().batchSize());
        o.flush();
        Path tmp = SafeOutput.temporaryFile("--waveform", vcd);
        Lockstep.Result r;
        try {
            try (ArrayDevice hw = device.open(p, fault, design)) {
                r = Lockstep.run(img, steps, rule, hw, hw instanceof VerilatorDevice ? () -> new VerilatorDevice(p, fault, true) : null, tmp, (b, d) -> {
                    if (b % 8 == 0 || d.mismatches() > 0) {
                        o.printf("  batch %4d/%d: %,d values compared, %,d mismatches%n", b, steps.size(), d.compared(), d.mismatches());
                        o.flush();
                    }
                });
                if (hw instanceof FpgaDevice f && f.link() != null) LinkReport.print(o, f);
            }
            if (r.waveform() != null) {
                SafeOutput.moveIntoPlace(tmp, vcd);
                r = r.withWaveform(waveform);
            }
        } finally {
            SafeOutput.discard(tmp);
        }
        VerifyReport.print(o, img, p, device.level(), r, stochastic);
        VerifyReport.write(spec, report, json, inputs, image, img, p, r, stochastic);
        return r.passed() ? ExitCode.OK.code : ExitCode.CHECK_FAILED.code;
    }
}
