package dev.rapport.team;

/** The workspace's settings. */
public record WorkspaceView(String name, String defaultLanguage, String timeZone) {}
