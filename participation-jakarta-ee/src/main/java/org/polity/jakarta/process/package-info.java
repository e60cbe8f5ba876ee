/**
 * Participatory processes and their projects in the adapter; aggregate roots {@link
 * org.polity.process.ParticipatoryProcess} and {@link org.polity.project.Project}. {@link
 * org.polity.jakarta.process.Processes} is the application service the REST resources call: it
 * loads a process's {@link org.polity.project.Edition} from the database, applies one change under
 * a row lock, stores the changed documents with their versions, and fires the domain events after
 * the commit. Documents are written by the codecs here ({@link
 * org.polity.jakarta.process.ProcessDocuments}, {@link
 * org.polity.jakarta.project.ProjectDocuments}), never by annotations on core classes.
 */
package org.polity.jakarta.process;
