package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.mapping.BlockMapping;
import org.infomorph.compiler.mapping.BlockMeasurement;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.LogicCalibration;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.runtime.fpga.BlockMappingGrid;
import org.infomorph.runtime.fpga.CalibrationConfigs;
import org.infomorph.runtime.fpga.LogicCalibrationRun;
import org.infomorph.runtime.fpga.Synth;
import org.infomorph.runtime.fpga.SynthFlow;
import org.infomorph.runtime.sim.SimBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Developer commands that measure the synthesis tools for the compiler's models (docs/synthesis.md):",
                "'memories' synthesises the memory templates over a grid of shapes (BlockMapping's data);",
                "'configs' writes the calibration configurations from their recipes;",
                "'logic' synthesises generator configurations for each family and fits fit's logic model."},
        subcommands = {CalibrateCommand.Memories.class, CalibrateCommand.Configs.class, CalibrateCommand.Logic.class})
final class CalibrateCommand implements Runnable {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Where the compiler keeps its models: {@code compiler/src/main/resources/org/infomorph/compiler/mapping} under the repository. */
    static final String RESOURCES = "compiler/src/main/resources/org/infomorph/compiler/mapping";

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Shared option: which families to measure. */
    static final class Families {
        @Option(names = "--families", paramLabel = "F,..", split = ",", description = "families (default: ice40,ecp5,xilinx7)")
        List<String> ids;

        List<FpgaFamily> list() {
            if (ids == null || ids.isEmpty()) return Arrays.asList(FpgaFamily.values());
            List<FpgaFamily> out = new ArrayList<>();
            for (String id : ids)
                out.add(FpgaFamily.byId(id).orElseThrow(() -> new InvalidInputException("--families: unknown family " + id + "; use ice40, ecp5 or xilinx7")));
            return out;
        }
    }

    /** The repository root of this launcher ({@code -Dinfomorph.root}), for default output paths. */
    static Path repository(String option) {
        String root = System.getProperty("infomorph.root");
        if (root == null) throw new InvalidInputException(option + ": give it (no repository root known; run through ./infomorph)");
        return Path.of(root);
    }

    @Command(name = "memories", mixinStandardHelpOptions = true,
            description = {"Synthesise the memory templates (RamTemplate) over a grid of shapes for every family and memory kind, write the",
                    "measurements as CSV and compare them with BlockMapping's model. Exit 1 if any shape differs from the model."})
    static final class Memories implements Callable<Integer> {
        @ParentCommand CalibrateCommand parent;

        @Mixin Families families;

        @Option(names = "--full", description = "the whole grid (about 3,300 shapes, hours); default: a few shapes per family and kind")
        boolean full;

        @Option(names = "--out", paramLabel = "FILE.csv", description = "where to write the measurements (default: the model's test data, "
                + "compiler/src/test/resources/org/infomorph/compiler/mapping/block-mapping-yosys-0.23.csv, with --full; else nothing)")
        Path out;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "40", description = "shapes per yosys run (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--work", paramLabel = "DIR", description = "scratch folder (default: <cache>/block-mapping)")
        Path work;

        @Override
        public Integer call() {
            PrintWriter o = parent.spec.commandLine().getOut();
            List<FpgaFamily> fams = families.list();
            List<BlockMappingGrid.Case> cases = (full ? BlockMappingGrid.full() : BlockMappingGrid.quick()).stream().filter(c -> fams.contains(c.family())).toList();
            Path csv = out != null ? out : full ? repository("--out").resolve("compiler/src/test/resources/org/infomorph/compiler/mapping/block-mapping-yosys-0.23.csv") : null;
            String yosys = Synth.yosysTool();
            o.printf("measuring %d shapes with %s%n", cases.size(), Synth.version(yosys));
            o.flush();
            long t0 = System.nanoTime();
            List<BlockMeasurement> rows = BlockMappingGrid.measure(cases, work != null ? work : SimBuild.cacheRoot().resolve("block-mapping"), batch,
                    Duration.ofMinutes(60), yosys, o);
            o.printf(Locale.ROOT, "measured in %.1f min%n", (System.nanoTime() - t0) / 60e9);
            if (csv != null) {
                BlockMappingGrid.writeCsv(rows, csv, Synth.version(yosys));
                o.println("wrote " + csv);
            }
            int differ = 0;
            for (BlockMeasurement m : rows) {
                BlockMapping.Prediction p = BlockMapping.predict(m.family(), m.kind(), m.shape());
                if (p.outcome() != m.outcome() || !p.primitives().equals(m.primitives())) {
                    differ++;
                    o.printf("  differs: %s %s %s: yosys %s %s, model %s %s%n", m.family().id, m.kind(), m.shape(), m.outcome().id(), m.primitives(),
                            p.outcome().id(), p.primitives());
                }
            }
            o.printf("%d of %d shapes differ from BlockMapping%n", differ, rows.size());
            return differ == 0 ? ExitCode.OK.code : ExitCode.CHECK_FAILED.code;
        }
    }

    @Command(name = "configs", mixinStandardHelpOptions = true,
            description = {"Write the calibration configurations (" + LogicCalibrationRun.CONFIGS + "): every recipe of CalibrationConfigs (small",
                    "networks, inference and learning, a few lane counts) compiled for each family's reference board."})
    static final class Configs implements Callable<Integer> {
        @ParentCommand CalibrateCommand parent;

        @Option(names = "--dir", paramLabel = "DIR", description = "where the file goes (default: the compiler's resources, " + RESOURCES + ")")
        Path dir;

        @Override
        public Integer call() {
            Path file = (dir != null ? dir : repository("--dir").resolve(RESOURCES)).resolve(LogicCalibrationRun.CONFIGS);
            Map<FpgaFamily, List<GeneratorParams>> cfgs = CalibrationConfigs.generate();
            Logic.write(file, LogicCalibrationRun.configsJson(cfgs));
            PrintWriter o = parent.spec.commandLine().getOut();
            cfgs.forEach((f, l) -> o.printf("%s: %s%n", f.id, l.stream().map(p -> p.hash() + " (" + p.units() + (p.learning() ? " learning" : " inference") + ")").toList()));
            o.println("wrote " + file);
            return ExitCode.OK.code;
        }
    }

    @Command(name = "logic", mixinStandardHelpOptions = true,
            description = {"Synthesise generator configurations for each family, write calibration-<family>.csv and fit fit's logic model",
                    "(ordinary least squares over LogicFeature) into logic-calibration.json. Results are cached like infomorph synth's."})
    static final class Logic implements Callable<Integer> {
        @ParentCommand CalibrateCommand parent;

        @Mixin Families families;

        @Option(names = "--configs", paramLabel = "FILE", description = "configurations (" + LogicCalibrationRun.CONFIGS_FORMAT + "; default: <dir>/"
                + LogicCalibrationRun.CONFIGS + ")")
        Path configs;

        @Option(names = "--dir", paramLabel = "DIR", description = "where the CSVs and logic-calibration.json go (default: the compiler's resources, " + RESOURCES + ")")
        Path dir;

        @Option(names = "--refit", description = "do not synthesise: fit again from the CSVs in DIR")
        boolean refit;

        @Option(names = "--timeout", paramLabel = "MIN", defaultValue = "120", description = "time limit of each yosys run in minutes (default: ${DEFAULT-VALUE})")
        long timeoutMinutes;

        @Override
        public Integer call() {
            PrintWriter o = parent.spec.commandLine().getOut();
            Path d = dir != null ? dir : repository("--dir").resolve(RESOURCES);
            Map<FpgaFamily, List<GeneratorParams>> cfgs = LogicCalibrationRun.readConfigs(configs != null ? configs : d.resolve(LogicCalibrationRun.CONFIGS));
            List<FpgaFamily> fams = families.list();
            Map<FpgaFamily, List<LogicCalibration.Measurement>> rows = new LinkedHashMap<>();
            String tools;
            if (refit) {
                for (FpgaFamily f : fams) rows.put(f, LogicCalibrationRun.readCsv(d.resolve("calibration-" + f.id + ".csv"), cfgs.getOrDefault(f, List.of())));
                tools = LogicCalibrationRun.tools(d.resolve("calibration-" + fams.get(0).id + ".csv"));
            } else {
                tools = Synth.version(Synth.yosysTool());
                SynthFlow.Options opts = new SynthFlow.Options(false, 0, Duration.ofMinutes(timeoutMinutes), SimBuild.cacheRoot());
                rows = LogicCalibrationRun.measure(cfgs, fams, opts, msg -> {
                    o.println("  " + msg);
                    o.flush();
                });
                for (var e : rows.entrySet()) write(d.resolve("calibration-" + e.getKey().id + ".csv"), LogicCalibrationRun.csv(e.getValue(), tools));
            }
            LogicCalibration cal = LogicCalibrationRun.fit(rows, tools);
            write(d.resolve(LogicCalibration.RESOURCE), cal.toJson());
            for (var e : cal.families().entrySet()) {
                o.printf("%s (%d configurations):%n", e.getKey(), e.getValue().configurations());
                e.getValue().figures().forEach((k, lin) -> o.printf(Locale.ROOT, "  %-14s = %.1f%s   (largest residual %.1f)%n", k, lin.intercept(),
                        lin.coefficients().entrySet().stream().map(c -> String.format(Locale.ROOT, " %+.3f x %s", c.getValue(), c.getKey())).reduce("", String::concat),
                        lin.maxResidual()));
            }
            o.println("wrote " + d.resolve(LogicCalibration.RESOURCE));
            return ExitCode.OK.code;
        }

        static void write(Path file, String text) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw InvalidInputException.at(file.toString(), null, "cannot write (" + e.getMessage() + ")");
            }
        }
    }
}
