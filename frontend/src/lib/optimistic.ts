import type { MutationFunctionContext, QueryKey } from '@tanstack/react-query';
import type { ApiError } from './api-error';

type Snapshot<TData> = { previous: TData | undefined };

/**
 * The callbacks of a mutation whose result the user expects to see at once (archiving a listing, editing a job,
 * saving a job, moving a stage): the cached data at `queryKey` is changed before the request goes, and put back as
 * it was if the server refuses. Spread them into `useMutation` and refresh from the server in `onSettled`.
 */
export function optimisticUpdate<TData, TVariables>(
  queryKey: QueryKey,
  change: (current: TData, variables: TVariables) => TData,
) {
  return {
    onMutate: async (variables: TVariables, { client }: MutationFunctionContext): Promise<Snapshot<TData>> => {
      // An answer already on its way would overwrite the change with the old state.
      await client.cancelQueries({ queryKey });
      const previous = client.getQueryData<TData>(queryKey);
      if (previous !== undefined) client.setQueryData<TData>(queryKey, change(previous, variables));
      return { previous };
    },
    onError: (_error: ApiError, _variables: TVariables, snapshot: Snapshot<TData> | undefined, { client }: MutationFunctionContext) => {
      if (snapshot?.previous !== undefined) client.setQueryData<TData>(queryKey, snapshot.previous);
    },
  };
}
