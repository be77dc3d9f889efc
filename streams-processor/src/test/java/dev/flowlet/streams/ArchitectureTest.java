package dev.flowlet.streams;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.flowlet.streams");

  @Test
  void rulesArePlainJavaWithoutSpringOrKafka() {
    noClasses()
        .that()
        .resideInAPackage("..streams.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "jakarta..")
        .check(classes);
  }

  @Test
  void rulesDoNotKnowTheTopologyOrTheSink() {
    noClasses()
        .that()
        .resideInAPackage("..streams.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..streams.screening..", "..streams.sink..", "..streams.kafka..")
        .check(classes);
  }

  @Test
  void ruleFamiliesShareOnlyWhatARuleSees() {
    slices()
        .matching("dev.flowlet.streams.rules.(*)..")
        .should()
        .notDependOnEachOther()
        .ignoreDependency(alwaysTrue(), resideInAPackage("..streams.rules.evaluation.."))
        .check(classes);
  }

  @Test
  void whatARuleSeesDoesNotDependOnTheEngine() {
    noClasses()
        .that()
        .resideInAPackage("..streams.rules.evaluation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.flowlet.streams.rules")
        .check(classes);
  }

  @Test
  void theTopologyDoesNotKnowAboutTheElasticsearchSink() {
    noClasses()
        .that()
        .resideInAPackage("..streams.screening..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..streams.sink..", "co.elastic..")
        .check(classes);
  }
}
