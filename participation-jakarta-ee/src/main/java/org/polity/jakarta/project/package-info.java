/**
 * The projects (ideas) of a process: submitted online or on paper, reviewed, put on the ballot,
 * merged, followed up. {@link org.polity.jakarta.project.ProjectResource} serves them under {@code
 * /api/v1/processes/{processId}/projects}; {@link org.polity.jakarta.project.ProjectDocuments} is
 * their JSON codec.
 */
package org.polity.jakarta.project;
