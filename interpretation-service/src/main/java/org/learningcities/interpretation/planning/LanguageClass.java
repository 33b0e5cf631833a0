package org.learningcities.interpretation.planning;

/** AIIC language classification of an interpreter's working language. */
public enum LanguageClass {
    /** Native language: works into it from every language they hold. */
    A,
    /** Active: works into it too, but only in a booth that works both ways (retour). */
    B,
    /** Passive: understood well enough to work from it, never into it. */
    C
}
