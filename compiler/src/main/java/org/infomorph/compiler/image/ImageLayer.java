package org.infomorph.compiler.image;

import java.util.List;

/** One layer in integer form; its activation and goal come from the image's network description. */
public record ImageLayer(String name, List<ImageSource> sources) {
    public ImageLayer {
        sources = List.copyOf(sources);
    }
}
