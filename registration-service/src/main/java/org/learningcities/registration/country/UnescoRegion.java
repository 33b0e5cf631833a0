package org.learningcities.registration.country;

/** The five UNESCO regions; the parallel regional forums of a Learning Cities conference follow them. */
public enum UnescoRegion {
    AFRICA,
    ARAB_STATES,
    ASIA_AND_THE_PACIFIC,
    EUROPE_AND_NORTH_AMERICA,
    LATIN_AMERICA_AND_THE_CARIBBEAN,
    /** A valid ISO country that is neither a UNESCO Member State nor an Associate Member. */
    NONE
}
