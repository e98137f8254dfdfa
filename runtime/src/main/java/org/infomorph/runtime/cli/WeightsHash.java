package org.infomorph.runtime.cli;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.infomorph.compiler.network.LayerWeights;
import org.infomorph.compiler.network.SourceWeights;
import org.infomorph.compiler.network.TrainedNetwork;

/** SHA-256 of a float network's weights, bit for bit, in layer and source order (the state of the float levels). */
final class WeightsHash {
    private WeightsHash() {}

    static String of(TrainedNetwork net) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LayerWeights l : net.layers())
                for (SourceWeights s : l.sources()) {
                    ByteBuffer buf = ByteBuffer.allocate(8 * (s.w().length + s.b().length));
                    for (double v : s.w()) buf.putLong(Double.doubleToRawLongBits(v));
                    for (double v : s.b()) buf.putLong(Double.doubleToRawLongBits(v));
                    md.update(buf.array());
                }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
