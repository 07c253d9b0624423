import { useEffect, useState } from 'react';
import { holdNavigation } from './leave-guard';

import { parseRoute, type Route } from './route-parse';

export { parseRoute, type Route };

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'case':
      return `#/cases/${route.id}`;
    case 'batch':
      return `#/batches/${route.id}`;
    case 'call':
      return `#/calls/${route.id}`;
    case 'newsletter':
      return `#/newsletters/${route.id}`;
    default:
      return `#/${route.page}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (e: HashChangeEvent) => {
      if (holdNavigation(e)) return; // a page with unsaved work asks first
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
