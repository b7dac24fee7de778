package dev.botty.voice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.botty.voice.queue.GuildSnapshot;


/** The package boundaries that matter, pinned so they hold as the voice node grows. */
@AnalyzeClasses(packages = "dev.botty.voice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyTheGatewayKnowsJda = noClasses()
            .that().resideOutsideOfPackage("dev.botty.voice.gateway..")
            .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
            .because("the rest of the node sees voice as VoiceConnectionUpdate and VoiceEvent, so JDA can be swapped or upgraded in one place");

    @ArchTest
    static final ArchRule onlyTheStoreKnowsSql = noClasses()
            .that().resideOutsideOfPackage("dev.botty.voice.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..")
            .because("the music logic sees storage as MusicStore and GuildSnapshot; the schema and SQLite stay in one package");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.botty.(**)").should().beFreeOfCycles()
            .because("each package can then be read, tested and changed from the bottom up");

    @ArchTest
    static final ArchRule noVagueNames = noClasses()
            .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils");
}
