package org.infomorph.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.pid.DensePmf;
import org.infomorph.compiler.pid.PidReport;
import org.infomorph.compiler.pid.PmfFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pid", mixinStandardHelpOptions = true,
        description = {"Partial information decomposition (I^sx) of a PMF with 2 or 3 sources, printed as JSON.",
                "Prints {\"atoms\":[...], \"H_res\":x, \"G\":x[, \"delta_g\":[...]]}, atoms in the goal-vector order of the design notes."})
final class PidCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--pmf", required = true, paramLabel = "FILE",
            description = "a case as in pid-golden.json (n_sources, outcomes) or {\"pmf\": p[s1][s2]([s3])[y]}")
    Path pmf;

    @Option(names = "--gamma", split = ",", paramLabel = "g1,g2,...",
            description = "goal vector: 5 numbers for 2 sources, 19 for 3, H_res last (default: redundancy only, {1}{2} = 1)")
    List<Double> gamma;

    @Option(names = "--gradient", description = "also print delta_g(s) = dG/dp(s,+1) - dG/dp(s,-1) per source bin (binary target)")
    boolean gradient;

    @Override
    public Integer call() throws JsonProcessingException {
        OptionChecks.path("--pmf", pmf, "a PMF JSON file");
        DensePmf p = PmfFile.read(pmf);
        double[] g = gamma == null ? null : PmfFile.checkGamma(pmf.toString(), "--gamma", gamma.stream().mapToDouble(Double::doubleValue).toArray(), p.sources());
        PidReport report = PidReport.of(p, g, gradient);
        spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(report));
        return ExitCode.OK.code;
    }
}
