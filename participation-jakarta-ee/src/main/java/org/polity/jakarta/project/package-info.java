/**
 * The project capability in the adapter: the projects (ideas) of a process whose kind has projects,
 * submitted online or on paper, reviewed, put on the ballot, merged, followed up; aggregate root
 * {@link org.polity.project.Project}. {@link org.polity.jakarta.project.ProjectService} is its
 * application service, {@link org.polity.jakarta.project.ProjectResource} serves it under {@code
 * /api/v1/processes/{processId}/projects}, {@link org.polity.jakarta.project.ProjectDocuments} is
 * its REST codec and {@link org.polity.jakarta.project.ProjectStorage} its storage codec.
 */
package org.polity.jakarta.project;
