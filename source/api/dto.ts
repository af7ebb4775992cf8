// Wire types, named once from the generated OpenAPI document so the rest of the code never
// spells the vendor's long schema keys. Parsing still treats every body as untrusted.
import type {components} from './openapi/workspace-current.ts';

type Schemas = components['schemas'];

export type UserDto = Schemas['ai.zylon.backend.server.app.user.UserDTO'];
export type ProjectDto = Schemas['ai.zylon.backend.server.app.project.ProjectDTO'];
export type InteractionDto = Schemas['ai.zylon.backend.server.app.project.interaction.InteractionDTO'];
