package org.infomorph.runtime.fpga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.runtime.sim.SimBuild;

/** Programs a board with Debian's openFPGALoader (from {@code -Dinfomorph.openFPGALoader}, {@code $INFOMORPH_OPENFPGALOADER} or PATH). */
public final class Flasher {
    private Flasher() {}

    /** The command for a build folder: the board name openFPGALoader knows, the bitstream, SRAM or flash. */
    public record Plan(List<String> command, Path bitstream, Path dir) {}

    private static final Map<String, String> BOARDS = Map.of("ice40up5k-icebreaker", "icebreaker", "ecp5-85f-ulx3s", "ulx3s", "xc7a35t-arty-a7", "arty_a7_35t");

    public static Plan plan(Path dir, boolean flash) {
        try {
            JsonNode r = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
            String target = r.path("target").asText();
            String board = BOARDS.get(target);
            if (board == null) throw new InvalidInputException(dir.resolve("report.json") + ": target " + target + " has no openFPGALoader board name; program it by hand");
            Path bit = Files.isRegularFile(dir.resolve("BoardTop.bin")) ? dir.resolve("BoardTop.bin") : dir.resolve("BoardTop.bit");
            if (!Files.isRegularFile(bit))
                throw new InvalidInputException(dir + ": no BoardTop.bin or BoardTop.bit; run the place-and-route script in it first (ECP5, Xilinx)");
            List<String> cmd = new ArrayList<>(List.of("openFPGALoader", "-b", board));
            if (flash) cmd.add("-f");
            cmd.add(bit.toAbsolutePath().toString());
            return new Plan(cmd, bit, dir);
        } catch (IOException e) {
            throw new InvalidInputException(dir.resolve("report.json") + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static void run(Plan p) {
        String exe = SimBuild.findTool(SimBuild.configured("infomorph.openFPGALoader", "INFOMORPH_OPENFPGALOADER", "openFPGALoader"), "openFPGALoader",
                "run scripts/setup-fpga (apt-get install openfpgaloader)");
        List<String> cmd = new ArrayList<>(p.command());
        cmd.set(0, exe);
        try {
            SimBuild.run(cmd, p.dir(), Map.of(), p.dir().resolve("flash.log"), "openFPGALoader (is the board plugged in?)");
        } catch (IOException e) {
            throw new org.infomorph.runtime.sim.SimException("openFPGALoader failed: " + e.getMessage(), e);
        }
    }
}
