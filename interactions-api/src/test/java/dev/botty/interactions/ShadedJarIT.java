package dev.botty.interactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar leaves whole families of library classes out (the shade filters in this module's
 * pom). Left out safely means: no class still in the jar refers to one that is not. jdeps lists
 * every reference the jar cannot satisfy; the libraries have optional ones of their own (Netty's
 * BouncyCastle PEM reader, Micrometer's AspectJ aspects) to libraries that are not dependencies at
 * all. A reference is the filters' doing when its target is a class of one of the artifacts the
 * filters trim, as that artifact's own jar holds it.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "interactions-api.jar");
    /** "  a.b.C   -> x.y.Z   not found" */
    private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+)\\s+->\\s+(\\S+)\\s+not found", Pattern.MULTILINE);

    /** A class of each artifact the pom's shade filters trim: its jar is the artifact whole. */
    private static final List<String> TRIMMED_ARTIFACTS = List.of("org/bouncycastle/math/ec/rfc8032/Ed25519.class",
            "io/prometheus/metrics/expositionformats/internal/PrometheusProtobufWriterImpl.class");

    /** Every class, as jdeps names it, in the trimmed artifacts' own jars. */
    private static Set<String> classesOfTheTrimmedArtifacts() throws Exception {
        Set<String> classes = new HashSet<>();
        for (String resource : TRIMMED_ARTIFACTS) {
            String location = ClassLoader.getSystemResource(resource).toString();
            URI jar = URI.create(location.substring("jar:".length(), location.indexOf("!/")));
            try (ZipFile artifact = new ZipFile(Path.of(jar).toFile())) {
                artifact.stream().map(ZipEntry::getName)
                        .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                        .forEach(name -> classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
            }
        }
        return classes;
    }

    @Test
    void nothingLeftInTheJarRefersToAClassLeftOut() throws Exception {
        Set<String> trimmable = classesOfTheTrimmedArtifacts();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "--multi-release", "25", "--missing-deps",
                JAR.toAbsolutePath().toString());
        assertEquals(0, exit, out.toString());
        StringBuilder dangling = new StringBuilder();
        int missing = 0;
        Matcher m = MISSING.matcher(out.toString());
        while (m.find()) {
            missing++;
            if (trimmable.contains(m.group(2))) {
                dangling.append(m.group(1)).append(" -> ").append(m.group(2)).append('\n');
            }
        }
        assertTrue(missing > 0, "jdeps reported no missing reference at all: the output format changed?\n" + out);
        assertEquals("", dangling.toString(), "classes in the jar that need a class the shade filters left out");
    }

    @Test
    void theTrimmedFamiliesAreGoneAndWhatTheServiceUsesIsThere() throws Exception {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertEquals(null, jar.getEntry("org/bouncycastle/jcajce/provider/BouncyCastleFipsProvider.class"));
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/bouncycastle/pqc/")
                    || e.getName().startsWith("io/prometheus/metrics/shaded/")), "post-quantum and protobuf classes left out");
            for (String used : List.of("org/bouncycastle/math/ec/rfc7748/X25519Field.class",
                    "org/bouncycastle/math/ec/rfc8032/Ed25519.class",
                    "org/bouncycastle/crypto/digests/SHA512Digest.class",
                    "org/bouncycastle/crypto/params/Ed25519PrivateKeyParameters.class",
                    "io/prometheus/metrics/expositionformats/PrometheusTextFormatWriter.class")) {
                assertTrue(jar.getEntry(used) != null, used);
            }
        }
    }
}
