package dev.sevaswarm.cases;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean whose public methods the playbook's diagrams may call in an expression
 * ({@code ${playbookAreas.toInvestigate(execution)}}). Delegates and listeners need no mark: a
 * diagram may name them; any other bean of the application is out of a diagram's reach.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PlaybookExpression {}
