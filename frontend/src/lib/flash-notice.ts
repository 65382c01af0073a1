import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Router state that carries a one-off success message to the next page (e.g. "Job posted"). */
export type FlashState = { notice: string };

export function flashState(notice: string): FlashState {
  return { notice };
}

/**
 * The message another page sent along with the navigation, if any. It is shown once:
 * the history entry is replaced without it, so a reload or "back" doesn't show it again.
 */
export function useFlashNotice(): [string | null, () => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const incoming = (location.state as Partial<FlashState> | null)?.notice;
  const [notice, setNotice] = useState<string | null>(typeof incoming === 'string' ? incoming : null);

  useEffect(() => {
    if (typeof incoming === 'string') {
      navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    }
  }, [incoming, navigate, location.pathname, location.search]);

  return [notice, () => setNotice(null)];
}
