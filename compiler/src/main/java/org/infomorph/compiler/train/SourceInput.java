package org.infomorph.compiler.train;

import org.infomorph.compiler.InvalidInputException;

/** Where a source reads from, parsed once from its {@code from} text (see SourceSpec). */
record SourceInput(Kind kind, int layer) {
    enum Kind { INPUT, LABEL, LAYER, PREVIOUS }

    static SourceInput parse(String from, java.util.function.ToIntFunction<String> layerIndex) {
        if (from.equals("input")) return new SourceInput(Kind.INPUT, -1);
        if (from.equals("label")) return new SourceInput(Kind.LABEL, -1);
        int colon = from.indexOf(':');
        if (colon > 0) {
            String prefix = from.substring(0, colon);
            int idx = layerIndex.applyAsInt(from.substring(colon + 1));
            if (idx >= 0 && prefix.equals("layer")) return new SourceInput(Kind.LAYER, idx);
            if (idx >= 0 && prefix.equals("previous")) return new SourceInput(Kind.PREVIOUS, idx);
        }
        throw new InvalidInputException("source 'from' must be input, label, layer:NAME or previous:NAME, got '" + from + "'");
    }
}
