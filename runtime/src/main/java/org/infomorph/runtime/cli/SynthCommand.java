package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.runtime.fpga.NextpnrIce40;
import org.infomorph.runtime.fpga.SynthFlow;
import org.infomorph.runtime.fpga.SynthInputs;
import org.infomorph.runtime.fpga.SynthReport;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.targets.TargetDescriptor;
import org.infomorph.runtime.report.HtmlReport;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.SynthSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Synthesise IMAGE's RTL with yosys for the target's FPGA family (synth_ice40 -dsp -spram, synth_ecp5, synth_xilinx)",
                "and print LUTs, flip-flops, DSPs and each memory kind: used, the target's capacity and the compiler's estimate.",
                "--pnr also places and routes on iCE40 (nextpnr-ice40) and prints Fmax. Results are cached by the generator",
                "parameters, the family and the tool versions. Exit 0 if it fits, 1 if not (naming what is over and the smallest change).",
                "IMAGE is an image directory, a trained-network directory or a network file (as for verify)."})
final class SynthCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE")
    Path image;

    @Mixin TargetOptions target;

    @Mixin ModeOption mode;

    @Mixin ArchOptions arch;

    @Option(names = "--pnr", description = "also place and route (iCE40 only: nextpnr-ice40 --up5k --package sg48 at the target clock) and report Fmax")
    boolean pnr;

    @Option(names = "--json", paramLabel = "FILE", description = {"also write the figures as JSON (format " + SynthSummary.FORMAT + ", docs/report.md);",
            "'-' prints them on stdout instead of the table"})
    Path json;

    @Option(names = "--out", paramLabel = "DIR", description = "also copy the RTL, the tool logs, synth.json (the --json figures) and the report (index.html) into DIR")
    Path out;

    @Option(names = "--units", paramLabel = "P", description = "LLUs (default: what the compiler chooses for the target)")
    Integer units;

    @Option(names = "--timeout", paramLabel = "MIN", defaultValue = "120", description = "time limit of each tool run in minutes (default: ${DEFAULT-VALUE})")
    long timeoutMinutes;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        TargetDescriptor t = target.load();
        if (json != null && !json.toString().equals("-")) JsonSummary.check("--json", json, java.util.Arrays.asList(image, arch.file, target.file));
        FpgaFamily family = FpgaFamily.of(t);
        if (units != null && units < 1) throw new InvalidInputException("--units: must be >= 1, got " + units);
        if (pnr && family != FpgaFamily.ICE40)
            throw new InvalidInputException("--pnr: place and route runs only on iCE40 targets (nextpnr-ice40); " + t.name() + " is " + family.id + ", drop --pnr");
        Image img = Images.resolve(image, arch.load(), null).image();
        Compilation c = SynthInputs.compile(img, t, mode.mode, units);
        GeneratorParams p = SynthInputs.generator(img, c);
        SynthFlow.Options opts = new SynthFlow.Options(false, t.clock().targetMHz(), Duration.ofMinutes(timeoutMinutes), SimBuild.cacheRoot());
        java.util.function.Consumer<String> progress = msg -> {
            err.println("synth: " + msg);
            err.flush();
        };
        SynthFlow.Outcome r = SynthFlow.run(p, family, opts, progress);
        SynthReport rep = SynthReport.of(t, r, SynthInputs.estimate(c));
        String skipped = "";
        if (pnr && rep.fits()) {
            r = SynthFlow.run(p, family, opts.withPnr(true, t.clock().targetMHz()), progress);
            rep = SynthReport.of(t, r, SynthInputs.estimate(c));
        } else if (pnr) {
            skipped = "place and route skipped: synthesis is already over the device (" + String.join("; ", rep.over()) + ")";
        }
        boolean stdoutJson = json != null && json.toString().equals("-");
        SynthSummary summary = new SynthSummary(SynthSummary.FORMAT, Provenance.of(spec, Map.of(), Map.of()), t.name(), p.hash(), p.units(), r.tools(),
                r.cached(), rep.used(), rep.capacity(), rep.estimate(), rep.fmaxMHz().isPresent() ? rep.fmaxMHz().getAsDouble() : null, rep.over(),
                rep.fits() ? null : smallestChange(rep, p, r.pnr(), () -> largestFirstLayer(img, t)), rep.fits());
        if (out != null) copyOut(r, summary);
        if (stdoutJson) o.print(JsonSummary.json(summary));
        else {
            JsonSummary.write("--json", json, summary);
            print(o, t, r, rep);
        }
        if (!skipped.isEmpty()) (stdoutJson ? err : o).println("  " + skipped);
        if (!rep.fits()) {
            PrintWriter w = stdoutJson ? err : o;
            w.println("does not fit " + t.name() + ": " + String.join("; ", rep.over()));
            w.println("smallest change: " + summary.smallestChange());
            return ExitCode.CHECK_FAILED.code;
        }
        if (!stdoutJson) {
            if (family == FpgaFamily.ICE40 && r.pnr().isEmpty())
                o.println("  note: an iCE40 logic cell is one LUT4 and one flip-flop; flip-flops and carries that cannot share a LUT's cell take"
                        + " cells of their own, so only --pnr says whether the logic fits");
            o.println("fits " + t.name());
        }
        return ExitCode.OK.code;
    }

    private static void print(PrintWriter o, TargetDescriptor t, SynthFlow.Outcome r, SynthReport rep) {
        o.printf(Locale.ROOT, "synth for %s (%s): %d LLU%s, generator parameters %s%n", t.name(), r.tools(), r.params().units(),
                r.params().units() > 1 ? "s" : "", r.params().hash());
        o.printf(Locale.ROOT, "  yosys %s%s%n", r.cached() ? "result from the cache " + r.dir() : String.format(Locale.ROOT, "%.1f s", r.resources().seconds()),
                r.resources().note().isEmpty() ? "" : "; note: " + r.resources().note());
        rep.printTable(o);
        r.pnr().ifPresent(pr -> printPnr(o, t, pr));
    }

    private static void printPnr(PrintWriter o, TargetDescriptor t, NextpnrIce40.Result pr) {
        StringBuilder u = new StringBuilder();
        for (String k : new String[] {"ICESTORM_LC", "ICESTORM_RAM", "ICESTORM_SPRAM", "ICESTORM_DSP"})
            if (pr.used().containsKey(k)) u.append(String.format(Locale.ROOT, " %s %,d/%,d;", k, pr.used().get(k), pr.available().getOrDefault(k, 0)));
        if (!pr.routed()) {
            o.printf(Locale.ROOT, "  place and route (nextpnr-ice40, up5k sg48) failed:%s %s%n", u, pr.failure());
            return;
        }
        double target = t.clock().targetMHz();
        o.printf(Locale.ROOT, "  place and route (nextpnr-ice40, up5k sg48, in a pin shell of %d flip-flops):%s %.1f s%n", pr.shellInputs(), u, pr.seconds());
        if (pr.fmaxMHz().isPresent())
            o.printf(Locale.ROOT, "  Fmax %.2f MHz (nextpnr; target %.0f MHz: %s)%s%n", pr.fmaxMHz().getAsDouble(), target,
                    pr.fmaxMHz().getAsDouble() >= target ? "met" : "NOT met",
                    pr.icetimeMHz().isPresent() ? String.format(Locale.ROOT, ", %.2f MHz (icetime)", pr.icetimeMHz().getAsDouble()) : "");
    }

    /**
     * The smallest change that would fit: fewer units when the figures over capacity scale with
     * units (each figure is at most proportional to the unit count, so this is an upper bound to
     * check with synth --units), else a smaller configuration or a larger device.
     */
    static String smallestChange(SynthReport rep, GeneratorParams p, java.util.Optional<NextpnrIce40.Result> pnr,
            java.util.function.Supplier<String> smallerNetwork) {
        double ratio = Double.MAX_VALUE;
        for (var e : rep.capacity().entrySet()) {
            double u = rep.used().get(e.getKey()) + (e.getKey().equals("lut") ? rep.used().get("lutram") : 0);
            if (u > 0) ratio = Math.min(ratio, e.getValue() / u);
        }
        // a placement that failed for want of logic cells: those are the figure over the device
        String cells = "";
        if (pnr.isPresent() && !pnr.get().routed()) {
            Integer lc = pnr.get().logicCells().orElse(null), cap = pnr.get().logicCellCapacity().orElse(null);
            if (lc != null && cap != null && lc > cap) {
                ratio = Math.min(ratio, (double) cap / lc);
                cells = String.format(Locale.ROOT, " (%,d logic cells of %,d: LUT4s, and flip-flops and carries that could not share a LUT's cell)", lc, cap);
            }
        }
        int fewer = (int) Math.floor(p.units() * ratio);
        if (p.units() > 1 && fewer >= 1 && ratio < 1)
            return "at most " + fewer + " unit" + (fewer > 1 ? "s" : "") + " (--units " + fewer + "; the figures over capacity grow with the unit count)";
        if (ratio >= 1) return "none of the resources is over: place and route failed; try fewer units or a larger device";
        String smaller = smallerNetwork.get();
        return "one unit is already " + String.format(Locale.ROOT, "%.1fx", 1 / ratio) + " the device" + cells + ": "
                + (smaller != null ? smaller + " (as infomorph fit says), " : "")
                + "narrower datapaths (infomorph arch --arch), inference-only (--mode infer) or a larger device";
    }

    /** fit's advice for a network whose one unit is over: its largest first layer that fits, or null. */
    private String largestFirstLayer(Image img, TargetDescriptor t) {
        java.util.OptionalInt h = org.infomorph.compiler.mapping.FitAdvisor.largestFirstLayer(img.network(), img.arch(), t, mode.mode, FitCommand.LARGEST_SEARCHED);
        return h.isPresent() && h.getAsInt() < img.network().layers().get(0).neurons()
                ? "use <= " + h.getAsInt() + " " + img.network().layers().get(0).name() + " neurons" : null;
    }

    private void copyOut(SynthFlow.Outcome r, SynthSummary summary) {
        try {
            Files.createDirectories(out);
            try (Stream<Path> files = Files.list(r.dir())) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith("-netlist.json")).toList())
                    Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(out.resolve("synth.json"), JsonSummary.json(summary), StandardCharsets.UTF_8);
            Files.writeString(out.resolve("index.html"), HtmlReport.render(summary.report(mode.mode.toString().toLowerCase(Locale.ROOT))), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.at(out.toString(), null, "cannot write (" + e.getMessage() + "); give a writable folder");
        }
    }
}
