package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.FitAdvisor;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.report.FitSummary;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.ResourceFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Check, before any synthesis, whether a network fits a target (exit code 0 if it fits, 1 if not).",
                "Prints the mapping, memory map, schedule and estimates, what does not fit and the smallest change that would,",
                "and the largest network of this shape that fits."})
final class FitCommand implements Callable<Integer> {
    static final int LARGEST_SEARCHED = 1 << 16;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to check (see docs/network-format.md)")
    Path network;

    @Mixin TargetOptions target;

    @Mixin ModeOption mode;

    @Mixin ArchOptions arch;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (format " + FitSummary.FORMAT + ", docs/report.md)")
    Path json;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        JsonSummary.check("--json", json, java.util.Arrays.asList(network, arch.file, target.file));
        NetworkSpec net = Networks.read(network, null, null);
        Compilation c = Compilation.of(net, arch.load(), target.load(), mode.mode);
        CompilationReport.print(o, c);
        OptionalInt largest = FitAdvisor.largestFirstLayer(net, c.arch(), c.target(), mode.mode, LARGEST_SEARCHED);
        String shape = net.layers().get(0).name() + " neurons";
        o.println(largest.isPresent()
                ? "largest network of this shape that fits: " + largest.getAsInt() + " " + shape + (largest.getAsInt() == LARGEST_SEARCHED ? " or more" : "")
                : "no network of this shape fits " + c.target().name() + " in mode " + mode.mode);
        JsonSummary.write("--json", json, new FitSummary(FitSummary.FORMAT, Provenance.of(spec, java.util.Map.of(), java.util.Map.of()), net.name(),
                ResourceFigures.of(c), FitSummary.Performance.of(c), largest.isPresent() ? largest.getAsInt() : null,
                largest.isPresent() && largest.getAsInt() == LARGEST_SEARCHED, c.fits()));
        try {
            FitAdvisor.requireFit(c);
        } catch (InvalidInputException e) {
            o.println("does not fit:");
            e.getMessage().lines().forEach(l -> o.println("  " + l));
            return ExitCode.CHECK_FAILED.code;
        }
        o.println("fits " + c.target().name());
        return ExitCode.OK.code;
    }
}
