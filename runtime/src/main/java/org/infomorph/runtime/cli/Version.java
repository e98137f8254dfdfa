package org.infomorph.runtime.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code infomorph --version}: the same string every written file records as its tool. */
public final class Version implements IVersionProvider {
    public static String current() {
        return org.infomorph.compiler.Version.VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {org.infomorph.compiler.Version.TOOL};
    }
}
