package dev.botty.service;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** No two packages of service-support depend on each other, so each can be read and changed from the bottom up. */
@AnalyzeClasses(packages = "dev.botty.service", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.botty.(**)").should().beFreeOfCycles();
}
