package dev.botty.voice.music;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with a fresh {@link MusicWorld} (its node on a fresh data directory) for each test method. */
abstract class MusicWorldTest {
    @TempDir
    Path data;
    MusicWorld world;

    @BeforeEach
    void startWorld() throws Exception {
        world = MusicWorld.start(data);
    }

    @AfterEach
    void stopWorld() {
        world.close();
    }
}
