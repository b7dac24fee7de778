package dev.botty.interactions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes local mode's signing seed readable by its owner only. */
final class LocalKeyFile {
    private LocalKeyFile() {}

    static void write(Path file, String seedHex) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort where the file system has no POSIX permissions
        }
        Files.writeString(file, seedHex + "\n", StandardCharsets.US_ASCII);
    }
}
