package org.infomorph.distributed.sweep;

import org.infomorph.compiler.network.GoalSpec;

/** A goal of the grid: its label in reports (the registry name, or the numbers as written) and the vector. */
public record GoalChoice(String label, GoalSpec goal) {}
