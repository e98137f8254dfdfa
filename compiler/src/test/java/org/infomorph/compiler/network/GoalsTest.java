package org.infomorph.compiler.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoalsTest {
    private static double[] g(String name) {
        return Goals.named(name).gamma();
    }

    @Test
    void bivariateGoalsAreTheNumbersOfTheNotes() {
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, g("context/naive"));
        assertArrayEquals(new double[] {-0.0989742, 0.3916122, 0.5117811, 0.5941936, 0.0885257}, g("context/opt_1_100"));
        assertArrayEquals(new double[] {0.0379021, 0.3184665, 0.7754716, 0.1535976, 0.0075820}, g("context/opt_2_100"));
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, g("lateral/naive"));
        assertArrayEquals(new double[] {0.8280595, -0.2038219, 0.9029596, 0.5267466, 0.1350077}, g("lateral/opt_1_100"));
        assertArrayEquals(new double[] {0.8050670, -0.4079175, 0.5380271, 0.5634099, -0.0097292}, g("lateral/opt_2_100"));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, g("random_projection"));
        assertArrayEquals(new double[] {-0.2, 0.1, 1.0, 0.1, 0}, g("output"));
    }

    @Test
    void trivariateGoalsAreTheNumbersOfTheNotes() {
        double[] naive = new double[19];
        naive[1] = 1;
        assertArrayEquals(naive, g("context_lateral/naive"));
        assertArrayEquals(new double[] {0.3307, 0.9781, -0.9935, 0.4017, 0.2428, 0.6255, 0.4713, 0.0212, 0.0605, -0.9470,
            -0.0199, -0.9677, -0.6924, 0.4270, 0.9736, 0.7370, -0.1218, -0.2151, 0.0350}, g("context_lateral/opt_1_100_tpe"));
        double[] mod = new double[19];
        mod[0] = 0.33;
        mod[1] = 1;
        mod[2] = -1;
        mod[11] = -1;
        assertArrayEquals(mod, g("context_lateral/opt_1_100_modified"));
    }

    @Test
    void namesListsExactlyTheAvailableGoals() {
        assertEquals(11, Goals.names().size());
        for (String n : Goals.names()) {
            GoalSpec goal = Goals.named(n);
            assertEquals(n, goal.name());
            assertEquals(n.startsWith("context_lateral/") ? 19 : 5, goal.gamma().length, n);
        }
    }

    @Test
    void paperGoalWithoutNumbersSaysSo() {
        var e = assertThrows(IllegalArgumentException.class, () -> Goals.named("context_lateral/opt_2_100_cmaes"));
        assertEquals("goal 'context_lateral/opt_2_100_cmaes' is named in the paper but its numbers are not published in the "
                + "design notes; give gamma as 19 numbers", e.getMessage());
        assertTrue(Goals.unavailableNames().contains("context_lateral/opt_1_100_CIFAR"));
        for (String n : Goals.unavailableNames()) assertTrue(Goals.lookup(n).isEmpty(), n);
    }

    @Test
    void unknownGoalListsValidNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Goals.named("context/opt_9"));
        assertTrue(e.getMessage().startsWith("unknown goal \"context/opt_9\"; valid names: context/naive, "), e.getMessage());
        assertTrue(e.getMessage().contains("context_lateral/opt_1_100_modified"), e.getMessage());
    }

    @Test
    void gammaIsCopiedNotShared() {
        double[] a = Goals.named("output").gamma();
        a[0] = 42;
        assertEquals(-0.2, Goals.named("output").gamma()[0]);
    }
}
