package org.learningcities.agenda.schedule;

/** UNESCO's regional groups; each parallel regional forum serves one. */
public enum UnescoRegion {
    AFRICA,
    ARAB_STATES,
    ASIA_AND_THE_PACIFIC,
    EUROPE_AND_NORTH_AMERICA,
    LATIN_AMERICA_AND_THE_CARIBBEAN
}
