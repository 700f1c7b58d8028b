'use client';

/**
 * The one shape of every write the browser makes: a feature's `useXMutation` hook (in
 * `components/<feature>/api.ts`) passes its fetcher and the root keys of the resources the write
 * changes; once the server has answered, every query under those keys is invalidated, then the
 * caller's own `onSuccess` runs (typically a message and `router.refresh()` for what the server
 * rendered). The caller's other options (`onMutate`, `onError`, ...) pass through unchanged.
 */
import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';

/** What a feature's mutation hook accepts from its caller: everything but the fetcher. */
export type MutationHookOptions<TData, TVariables, TContext = unknown> = Omit<UseMutationOptions<TData, Error, TVariables, TContext>, 'mutationFn'>;

export function useInvalidatingMutation<TData, TVariables, TContext = unknown>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  invalidates: readonly QueryKey[] | ((data: TData, variables: TVariables) => readonly QueryKey[]),
  options: MutationHookOptions<TData, TVariables, TContext> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVariables, TContext>({
    ...options,
    mutationFn,
    onSuccess: async (data, variables, onMutateResult, context) => {
      const keys = typeof invalidates === 'function' ? invalidates(data, variables) : invalidates;
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await options.onSuccess?.(data, variables, onMutateResult, context);
    },
  });
}
