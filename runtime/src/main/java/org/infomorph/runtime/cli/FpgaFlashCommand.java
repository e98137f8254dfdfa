package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.runtime.fpga.Flasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "flash", mixinStandardHelpOptions = true,
        description = "Programs the bitstream of an `infomorph fpga build` folder into the board with openFPGALoader (SRAM; --flash for the SPI flash).")
final class FpgaFlashCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the folder infomorph fpga build wrote")
    Path dir;

    @Option(names = "--flash", description = "write the SPI flash (kept over power cycles) instead of the SRAM")
    boolean flash;

    @Option(names = "--dry-run", description = "print the openFPGALoader command instead of running it")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (!Files.isRegularFile(dir.resolve("report.json")))
            throw new InvalidInputException(dir + ": no report.json; give the folder infomorph fpga build -o wrote");
        Flasher.Plan plan = Flasher.plan(dir, flash);
        o.println(String.join(" ", plan.command()));
        if (dryRun) return ExitCode.OK.code;
        Flasher.run(plan);
        o.println("programmed " + plan.bitstream());
        return ExitCode.OK.code;
    }
}
