// Wire types, named once from the generated OpenAPI document so the rest of the code never
// spells the vendor's long schema keys. Parsing still treats every body as untrusted.
import type {components} from './openapi/workspace-current.ts';

type Schemas = components['schemas'];

export type UserDto = Schemas['ai.zylon.backend.server.app.user.UserDTO'];
export type ProjectDto = Schemas['ai.zylon.backend.server.app.project.ProjectDTO'];
export type InteractionDto = Schemas['ai.zylon.backend.server.app.project.interaction.InteractionDTO'];
export type ChatRequestDto = Schemas['ai.zylon.koala.privategpt.ChatRequest'];
export type UserPageDto = Schemas['page_array_ai.zylon.backend.server.app.user.UserDTO__'];
export type ProjectPageDto = Schemas['page_array_ai.zylon.backend.server.app.project.ProjectDTO__'];
export type InteractionPageDto =
	Schemas['page_array_ai.zylon.backend.server.app.project.interaction.InteractionDTO__'];
