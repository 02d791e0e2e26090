package dev.rapport.publishing;

/** A campaign: posts grouped under one name (a later issue links campaigns to marketing plans). */
public record Campaign(long id, String name) {}
