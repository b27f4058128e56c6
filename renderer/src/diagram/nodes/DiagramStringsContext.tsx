// The diagram's texts in its own language (the `lang` prop), for the node components.
import { createContext, useContext } from 'react';
import { DIAGRAM_STRINGS, type DiagramStrings } from '../strings';

export const DiagramStringsContext = createContext<DiagramStrings>(DIAGRAM_STRINGS['zh-CN']);

export function useDiagramStrings(): DiagramStrings {
  return useContext(DiagramStringsContext);
}
