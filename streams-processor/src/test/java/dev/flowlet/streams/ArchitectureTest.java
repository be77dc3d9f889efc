package dev.flowlet.streams;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
        .resideInAnyPackage("org.springframework..", "org.apache.kafka..")
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
