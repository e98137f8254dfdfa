package org.infomorph.compiler.image;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.network.LayerSpec;

/**
 * The consistency rules of an image: every weight and bias fits its format, masks are 0/1 with
 * masked weights 0. (The accumulator always holds a source's sum: see Numerics.productShift.)
 */
public final class ImageChecks {
    private ImageChecks() {}

    public static void check(Image image, String file) {
        Numerics n = image.arch().numerics();
        for (int l = 0; l < image.layers().size(); l++) {
            LayerSpec spec = image.network().layers().get(l);
            for (int s = 0; s < spec.sourceCount(); s++) {
                ImageSource src = image.layers().get(l).sources().get(s);
                String at = "layers[" + l + "].sources[" + s + "] (" + spec.name() + "." + spec.sources().get(s).role() + ")";
                Field w = n.weight(src.weightFrac()), b = n.bias(src.weightFrac());
                for (int i = 0; i < src.w().length; i++) {
                    if (src.mask()[i] != 0 && src.mask()[i] != 1) throw InvalidInputException.at(file, at + ".mask[" + i + "]", "must be 0 or 1");
                    if (src.w()[i] < w.min() || src.w()[i] > w.max())
                        throw InvalidInputException.at(file, at + ".w[" + i + "]", src.w()[i] + " does not fit " + n.weightBits() + "-bit weights");
                    if (src.mask()[i] == 0 && src.w()[i] != 0) throw InvalidInputException.at(file, at + ".w[" + i + "]", "is masked but not 0");
                }
                for (int i = 0; i < src.b().length; i++)
                    if (src.b()[i] < b.min() || src.b()[i] > b.max())
                        throw InvalidInputException.at(file, at + ".b[" + i + "]", src.b()[i] + " does not fit " + n.biasBits() + "-bit biases");
            }
        }
    }
}
