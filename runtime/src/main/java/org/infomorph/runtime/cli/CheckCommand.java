package org.infomorph.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageDirectory;
import org.infomorph.compiler.image.ImageStore;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.pid.PmfFile;
import org.infomorph.json.InputException;
import org.infomorph.json.StrictJson;
import org.infomorph.targets.TargetDescriptor;
import org.infomorph.targets.TargetJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check input files without running anything, and list their problems (up to 20 per file, and a count).",
                "Takes any infomorph input: a network description, an architecture, a target descriptor, a PMF, a trained-network",
                "directory or an image directory (checked whole). Prints 'FILE: valid ...' or the problems, one per line, on stdout;",
                "exit code 0 if every file is valid, 1 if any has a problem, 2 if a file does not exist."})
final class CheckCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or directories to check; the format is recognised by its \"format\" key or its files")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        for (Path f : files) {
            OptionChecks.path("FILE", f, "a file or directory to check");
            if (!Files.exists(f)) throw InvalidInputException.at(f.toString(), "", "no such file or directory; check the path");
        }
        boolean ok = true;
        for (Path f : files) {
            try {
                o.println(f + ": valid " + check(f));
            } catch (InputException e) {
                ok = false;
                e.getMessage().lines().forEach(l -> o.println(Usage.oneLine(l)));
            }
        }
        return ok ? ExitCode.OK.code : ExitCode.CHECK_FAILED.code;
    }

    /** Reads {@code f} with the reader of its format; returns what it is. */
    static String check(Path f) {
        if (Files.isDirectory(f)) {
            if (Files.exists(f.resolve(ImageStore.MANIFEST))) {
                ImageDirectory d = ImageDirectory.load(f);
                return d.compiled().isPresent() ? "compiled image (" + Image.FORMAT + ", target " + d.compilation().target().name() + ")"
                        : "image (" + Image.FORMAT + ")";
            }
            if (Files.exists(f.resolve(NetworkStore.MANIFEST))) {
                NetworkStore.load(f);
                return "trained network (" + NetworkStore.FORMAT + ")";
            }
            throw InvalidInputException.at(f.toString(), "", "is neither an image directory (" + ImageStore.MANIFEST + ") nor a trained-network directory ("
                    + NetworkStore.MANIFEST + ")");
        }
        JsonNode root = StrictJson.read(f, "input", InvalidInputException.ERRORS);
        JsonNode format = root.path("format");
        String fmt = format.isTextual() ? format.textValue() : "";
        if (fmt.equals(NetworkSpec.FORMAT)) {
            NetworkSpec n = NetworkJson.fromTree(root, f.toString(), "");
            return "network description (" + NetworkSpec.FORMAT + ", " + n.layers().size() + " layers)";
        }
        if (fmt.equals(ArchConfig.FORMAT)) {
            ArchConfigJson.fromTree(root, f.toString(), "");
            return "architecture configuration (" + ArchConfig.FORMAT + ")";
        }
        if (fmt.equals(TargetDescriptor.FORMAT)) {
            TargetDescriptor t = TargetJson.read(f);
            return "target descriptor (" + TargetDescriptor.FORMAT + ", " + t.name() + ")";
        }
        if (fmt.equals(NetworkStore.FORMAT)) return check(parent(f)).replace("trained network", "trained network in " + parent(f));
        if (fmt.equals(Image.FORMAT) || fmt.equals("infomorph-generator/1")) return check(parent(f));
        if (root.has("outcomes") || root.has("pmf")) {
            var p = PmfFile.parse(f.toString(), root);
            return "PMF (" + p.sources() + " sources, " + p.cells() + " cells)";
        }
        throw InvalidInputException.at(f.toString(), "format", "cannot tell what this file is: it has no \"format\" of "
                + String.join(", ", NetworkSpec.FORMAT, ArchConfig.FORMAT, TargetDescriptor.FORMAT, NetworkStore.FORMAT, Image.FORMAT)
                + ", and no \"outcomes\" or \"pmf\" of a PMF");
    }

    private static Path parent(Path f) {
        Path p = f.toAbsolutePath().getParent();
        return p == null ? f : p;
    }
}
