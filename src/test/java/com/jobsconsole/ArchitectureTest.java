package com.jobsconsole;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules of {@code ../shared/ARCHITECTURE.md}, checked on the compiled main classes: an
 * acyclic package graph that reads top-down, JavaFX only in the front end, view-models free of
 * controls, and a UI that asks targets what they can do instead of naming their classes.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.jobsconsole");
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        ArchRule topLevel = slices().matching("com.jobsconsole.(*)..").should().beFreeOfCycles();
        ArchRule everyPackage = slices().matching("com.jobsconsole.(**)").should().beFreeOfCycles();
        topLevel.check(classes);
        everyPackage.check(classes);
    }

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("com.jobsconsole.app..")
                .layer("cli").definedBy("com.jobsconsole.cli..")
                .layer("ui").definedBy("com.jobsconsole.ui..")
                .layer("services").definedBy("com.jobsconsole.transfer..", "com.jobsconsole.server..",
                        "com.jobsconsole.profiles..", "com.jobsconsole.demo..", "com.jobsconsole.i18n..")
                .layer("gateway").definedBy("com.jobsconsole.gateway..")
                .layer("data").definedBy("com.jobsconsole.json..", "com.jobsconsole.model..")
                .layer("base").definedBy("com.jobsconsole.base..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("services").mayOnlyBeAccessedByLayers("app", "cli", "ui")
                .whereLayer("gateway").mayOnlyBeAccessedByLayers("app", "cli", "ui", "services")
                .whereLayer("data").mayOnlyBeAccessedByLayers("app", "cli", "ui", "services", "gateway")
                .check(classes);
    }

    @Test
    void onlyTheFrontEndKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackages("com.jobsconsole.ui..", "com.jobsconsole.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void theMainWindowsPartsAreMadeByTheWiring() {
        // MainViewModel keeps what is the window's own; its child view-models are made (and connected) in app/
        noClasses().that().haveSimpleName("MainViewModel")
                .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "of a view-model", call -> call.getTargetOwner().getSimpleName().endsWith("ViewModel")))
                .check(classes);
    }

    @Test
    void viewModelsHoldNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void theUiAsksTargetsWhatTheyCanDoNotWhichClassTheyAre() {
        noClasses().that().resideInAPackage("com.jobsconsole.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.jobsconsole.gateway.sqlite..",
                        "com.jobsconsole.gateway.remote..")
                .check(classes);
    }

    @Test
    void theCoreKnowsNoFrontDoor() {
        noClasses().that().resideInAnyPackage("com.jobsconsole.gateway..", "com.jobsconsole.json..",
                        "com.jobsconsole.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.jobsconsole.ui..", "com.jobsconsole.app..",
                        "com.jobsconsole.cli..", "com.jobsconsole.server..")
                .check(classes);
    }

    @Test
    void onlyTheSqliteSessionHoldsAConnection() {
        // BulkJobInserter is made inside SqliteSession.call for one insert, with the session's connection
        fields().that().haveRawType(Connection.class)
                .should().beDeclaredInClassesThat().haveSimpleName("SqliteSession")
                .orShould().beDeclaredInClassesThat().haveSimpleName("BulkJobInserter")
                .check(classes);
    }

    @Test
    void everyWindowAndFileChooserIsMadeByTheWindowOrDialogService() {
        noClasses().that().doNotHaveSimpleName("FxWindowService").and().doNotHaveSimpleName("FxDialogService")
                .should().callConstructorWhere(target(owner(assignableTo(Stage.class))))
                .orShould().callConstructorWhere(target(owner(assignableTo(FileChooser.class))))
                .orShould().callConstructorWhere(target(owner(assignableTo(DirectoryChooser.class))))
                .check(classes);
    }

    @Test
    void everyThreadComesFromTheOneFactory() {
        noClasses().that().doNotHaveSimpleName("DaemonThreads")
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .check(classes);
    }

    @Test
    void profilesKnowWhatATargetIsNotWhichClassTalksToIt() {
        noClasses().that().resideInAPackage("com.jobsconsole.profiles..")
                .should().dependOnClassesThat().resideInAnyPackage("com.jobsconsole.gateway.remote..",
                        "com.jobsconsole.gateway.sqlite..")
                .check(classes);
    }
}
