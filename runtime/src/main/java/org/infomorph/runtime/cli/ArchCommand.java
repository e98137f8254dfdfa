package org.infomorph.runtime.cli;

import java.util.concurrent.Callable;
import org.infomorph.compiler.arch.ArchConfigJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "arch", mixinStandardHelpOptions = true,
        description = {"Print an architecture configuration as JSON: the built-in default, or --arch FILE after validating it.",
                "Edit the output and pass it with --arch to train (hw-rule), quantize, run, verify, fit, compile or pid-error."})
final class ArchCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin ArchOptions arch;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(ArchConfigJson.write(arch.load()));
        return ExitCode.OK.code;
    }
}
