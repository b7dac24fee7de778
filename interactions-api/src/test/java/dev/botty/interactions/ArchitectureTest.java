package dev.botty.interactions;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.botty.interactions.command.SlashCommand;

/** The package boundaries that matter, pinned so they hold as commands are added. */
@AnalyzeClasses(packages = "dev.botty.interactions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.botty.(**)").should().beFreeOfCycles()
            .because("each package can then be read, tested and changed from the bottom up");

    @ArchTest
    static final ArchRule commandsNeverTouchHttpOrCrypto = noClasses()
            .that().implement(SlashCommand.class)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http..", "java.net.http..", "org.bouncycastle..", "javax.crypto..")
            .because("a command says what to answer; transport and signatures are the endpoint's business");

    @ArchTest
    static final ArchRule onlySignatureCodeDoesCrypto = noClasses()
            .that().resideOutsideOfPackages("dev.botty.interactions.discord..", "dev.botty.interactions.voice..")
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "java.security..", "javax.crypto..")
            .because("Discord's signatures and the internal request signatures each live in one place");

    @ArchTest
    static final ArchRule onlyTheVoiceNodeClientTalksToVoiceNodes = noClasses()
            .that().resideOutsideOfPackage("dev.botty.interactions.voice..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.botty.internal.RequestSignature");

    @ArchTest
    static final ArchRule commandsDoNotKnowTheEndpoint = noClasses()
            .that().resideInAPackage("dev.botty.interactions.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.botty.interactions.interaction..", "dev.botty.interactions.registration..");

    @ArchTest
    static final ArchRule noVagueNames = noClasses()
            .should().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils");

    @ArchTest
    static final ArchRule commandsAreBeans = classes()
            .that().implement(SlashCommand.class).and().areNotNestedClasses()
            .should().beAnnotatedWith(jakarta.inject.Singleton.class)
            .because("commands are discovered by dependency injection; the dispatcher never names one");
}
